"""One key for a role however it is written: case, hyphens, "chief executive officer" and "chief
executive", "CEO" for "chief executive officer"."""

from __future__ import annotations


def normal_role(role: str) -> str:
    words = role.lower().replace("-", " ").split()
    if len(words) > 2 and words[0] == "chief" and words[-1] == "officer":
        words = words[:-1]  # "chief executive officer" is the "chief executive"
    return " ".join(words)


def initials(role: str) -> str:
    return "".join(w[0] for w in role.lower().replace("-", " ").split())


def same_role(a: str, b: str) -> bool:
    """ "CEO" is the "chief executive officer"; "Defense secretary" the "Defense Secretary"."""
    if normal_role(a) == normal_role(b):
        return True
    short, long_ = sorted((a.replace(".", ""), b), key=len)
    return short.isupper() and short.lower() == initials(long_)
