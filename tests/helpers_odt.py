"""OpenDocument text files written by hand, member by member (no LibreOffice, no odfpy): the .odt reader's tests
and the layout variants that render a plan as .odt (``tests/layouts.py``)."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')
MIMETYPE = "application/vnd.oasis.opendocument.text"


def make_odt(path: Path, body: str, *, automatic: str = "", styles: str = "", masters: str = "",
             doctype: str = "", manifest_extra: str = "", content: bytes | None = None) -> Path:
    """An .odt written member by member as ODF says (mimetype first, stored): ``body`` inside office:text,
    ``automatic`` the content's automatic styles, ``styles``/``masters`` styles.xml's office:styles and
    office:master-styles."""
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {NS} office:version="1.3">'
           f"<office:automatic-styles>{automatic}</office:automatic-styles>"
           f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    style_xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3">'
                 f"<office:styles>{styles}</office:styles><office:master-styles>{masters}</office:master-styles>"
                 "</office:document-styles>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
                f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                f"{manifest_extra}</manifest:file-entry>"
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)  # stored, first
        zf.writestr("META-INF/manifest.xml", manifest)
        if content is not None or body is not None:
            zf.writestr("content.xml", content if content is not None else xml.encode("utf-8"))
        zf.writestr("styles.xml", style_xml)
    return path


def p(text: str, style: str = "") -> str:
    return f'<text:p text:style-name="{style}">{text}</text:p>' if style else f"<text:p>{text}</text:p>"
