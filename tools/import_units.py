"""Derive rules/units/<city>.yaml from the shared reference file (run by hand when the reference changes).

Usage: python tools/import_units.py ../shared/reference/haiphong-units.yaml rules/units/haiphong.yaml
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ruamel.yaml import YAML

# "Xã Bạch Đằng (Thị Xã Kinh Môn, tỉnh Hải Dương)": the former unit, its district, and its province ("tỉnh": a
# province merged into the city, gone on the same day as the district level) or the city itself ("TP.")
_FORMER = re.compile(r"^(?:\(whole district\)\s*)?\(?(.+?)\s*\((.+?),\s*(TP\.|tỉnh)\s*(.+)\)$")


def _district(name: str) -> str:
    return re.sub(r"^(Thành Phố|Thị Xã|Huyện|Quận)", lambda m: m.group(1).capitalize(), name)


def main(src: str, dst: str) -> None:
    yaml = YAML()
    data = yaml.load(Path(src).read_text(encoding="utf-8"))
    districts: set[str] = set()
    provinces: set[str] = set()
    units = []
    for u in data["units"]:
        split = set(u.get("former_units_split") or [])
        former = []
        for f in u.get("former_units") or []:
            m = _FORMER.match(f)
            if not m:
                former.append({"name": f})
                continue
            name, district = m.group(1).strip(), _district(m.group(2).strip())
            if not name or name.startswith("(whole district)"):
                name = district
            districts.add(district)
            if m.group(3) == "tỉnh":
                provinces.add(f"Tỉnh {m.group(4).strip()}")
            if name == district:
                former.append({"name": name})
            else:
                former.append({"name": name, "district": district, "split": name in split})
        units.append({"name": u["name"], "short_name": u["short_name"], "type": u["type"],
                      "code": str(u["gso_code"]), "former": former})
    meta = data["meta"]
    out = {
        "meta": {
            "city": "Hải Phòng",
            "province_code": "31",
            "effective": "2025-07-01",
            "legal_basis": meta["legal_basis"],
            "sources": [f"derived by tools/import_units.py from shared/reference/{Path(src).name}",
                        *meta["sources"]],
            "notes": meta["notes"],
            "counts": dict(meta["counts"]),
        },
        "units": units,
        "former_districts": sorted(districts),
        "former_provinces": sorted(provinces),
    }
    yaml.width = 120
    with Path(dst).open("w", encoding="utf-8") as fh:
        fh.write("# Commune-level units of Thành phố Hải Phòng after 1/7/2025 (NQ 1669/NQ-UBTVQH15). Generated; see meta.\n")
        yaml.dump(out, fh)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
