"""Contact details in running text: the patterns of e-mail addresses, web addresses and phones.

One home for them: translation keeps them verbatim (`pipeline.is_verbatim`), the glossary
doesn't match terms inside them (`glossary.match_de`), the target must show them unchanged
(`terms.entities`), the press reader recognises a contact line by them (`ingest.press`) and a
pack's people list checks its fields with them (`pack.people`). Each is a pattern string, to
combine into larger expressions, and compiled.
"""

from __future__ import annotations

import re

__all__ = [
    "EMAIL",
    "EMAIL_PATTERN",
    "EMAIL_SPELLED",
    "PHONE",
    "PHONE_FIELD",
    "PHONE_PATTERN",
    "URL",
    "URL_PATTERN",
]

# name@host.tld
EMAIL_PATTERN = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# As press releases write them to fool harvesters, too: name[at]host[dot]tld, name＠host.tld
EMAIL_SPELLED_PATTERN = (
    r"[\w.+-]+(?:@|＠|\s?\[at\]\s?|\s?\(at\)\s?)[\w-]+(?:(?:\.|\s?\[dot\]\s?)[\w-]+)+"
)
# http(s):// or www. up to a space, or a bracket or quote that closes around the address
URL_PATTERN = r"(?:https?://|www\.)[^\s<>()（）「」„“\"]+"
# +49 211 837-1234, 0211 837 1234, (0211) 837-1234, 03-1234-5678
PHONE_PATTERN = (
    r"(?:\+\d{1,3}[\s\d()/-]{6,}\d|(?<![\d.,])\(?0\d{1,4}\)?[\s/-]?\d{2,5}(?:[\s/-]\d{2,5})+)"
)

EMAIL = re.compile(EMAIL_PATTERN)
EMAIL_SPELLED = re.compile(EMAIL_SPELLED_PATTERN, re.IGNORECASE)
URL = re.compile(URL_PATTERN)
PHONE = re.compile(PHONE_PATTERN)
# What a phone field of a form may hold: digits, spaces, ( ) / . - and a leading +
PHONE_FIELD = re.compile(r"\+?[\d\s()/.-]{6,}")
