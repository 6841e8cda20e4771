"""``fact``: a property judged on first use and kept in the object, for the facts of a line that several stages ask.

It is ``functools.cached_property`` without the lock Python 3.11 takes on every first use (one lock per property,
shared by all instances; Python 3.12 dropped it): a line's facts are judged thousands of times per plan, each once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class fact(Generic[T]):  # noqa: N801 - used as a decorator, as ``property`` is
    def __init__(self, judge: Callable[[Any], T]) -> None:
        self.judge = judge
        self.name = judge.__name__
        self.__doc__ = judge.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> fact[T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> T | fact[T]:
        if obj is None:
            return self
        value: T = self.judge(obj)
        obj.__dict__[self.name] = value  # the next use finds it there, never calling this again
        return value
