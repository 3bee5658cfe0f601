"""Direct quotes and who speaks them, in German and Japanese releases.

A block is a quote when it holds direct speech: opening „ " » 「 marks, a closing mark followed
by a speaker clause („…“, sagte Ministerin X) even when the opening mark is missing, a partial
quote („überzeugende Perspektiven“) next to a speech verb, or — for pull quotes without marks —
first-person text followed by a line naming the speaker. The speaker is the whole person, title
and name („Prof. Dr. Wolfgang Sauerwein“, „Staatssekretärin Katrin Schütz“, „内堀雅雄福島県知事“):
a surname or a bare title („sagte Schütz“, „so die Staatssekretärin“) is completed from the
fullest mention of the same person elsewhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..japanese import KANJI, KANJI_MARKS, KATAKANA
from ..model import Lang

__all__ = ["People", "find_speaker", "is_person_line", "is_quote", "label_speaker"]

_ROLE_WORD = (
    r"(?:[A-ZÄÖÜ][a-zäöüß]*(?:minister|präsident|sekretär|bürgermeister|senator|gouverneur|"
    r"konsul|botschafter|direktor|kanzler|beauftragte|vorsitzende|leiter|sprecher|landrat|"
    r"rätin|dezernent|geschäftsführer|vorstand)(?:in)?|Dr\.|Prof\.|Senator(?:in)?|"
    r"Gouverneur(?:in)?|Minister(?:in)?|Bürgermeister(?:in)?|Landrat|Landrätin|Präsident(?:in)?)"
)
_NAME_WORD = r"(?!(?:Der|Die|Das|Den|Dem|Des|Am|Im|In|Und|Mit|Für|Von)\b)[A-ZÄÖÜ][\w’'ā-ūÉé-]+"
_PERSON = re.compile(
    rf"(?P<role>(?:{_ROLE_WORD}\s+){{1,3}})(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})"
)
# "Der Regierende Bürgermeister von Berlin, Klaus Wowereit, …": role, then the name apart.
_APPOSITION = re.compile(
    rf"(?P<role>{_ROLE_WORD})(?:\s+[\w-]+){{0,8}},\s+(?P<name>{_NAME_WORD}\s+{_NAME_WORD}),"
)
_SPEECH_VERBS = (
    r"sagt|sagte|betont|betonte|erklärt|erklärte|ergänzt|ergänzte|unterstreicht|unterstrich|"
    r"meint|meinte|fügt|fügte|berichtet|berichtete|resümiert|resümierte|hebt|hob|bekräftigte|"
    r"versicherte|zeigte sich|freut sich|freute sich|kommentiert|kommentierte"
)
# "Prof. Dr. Wolfgang Sauerwein": the dots of academic titles are part of the speaker.
_TITLE_ABBREVIATIONS = r"(?:Prof|Dr|med|rer|nat|phil|jur|h\.\s?c|Dipl|Ing|Dipl\.-Ing|St)\.\s?"
_STOP = (
    r"bei|beim|in|im|am|an|auf|während|anlässlich|nach|vor|zum|zur|hinzu|hervor|mit|gegenüber|"
    r"weiter|abschließend|außerdem|zudem|ebenfalls|dazu|heute|gestern|dabei|damals|und|über"
)
_DE_SPEAKER_AFTER = re.compile(
    r"[“\"«»]\s*,?\s*(?:so|"
    + _SPEECH_VERBS
    + r")\s+(?P<who>(?:"
    + _TITLE_ABBREVIATIONS
    + r"|[^.,;:!?„“\"])+?)"
    r"(?=\s+(?:" + _STOP + r")\b|[.,;:!?]|$)"
)
_DE_SPEAKER_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<who>[^„“\".!?]{3,120}?)"
    r"(?:\s+(?:" + _SPEECH_VERBS + r"))?\s*:\s*[„\"»]"
)
# "…, das unterstrich Ministerpräsident Daniel Günther nach …": a speech verb, then the person.
_DE_VERB_PERSON = re.compile(
    r"\b(?:"
    + _SPEECH_VERBS
    + r")\s+(?P<who>(?:(?:der|die)\s+)?"
    + _ROLE_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r"){0,3})"
)
_DE_OPEN = re.compile(r"[„»]|(?:^|\s)\"(?=\w)")
_DE_QUOTED = re.compile(r"[„\"»](?P<q>[^“\"«]{3,})(?:[“\"«]|$)")

_JA_TITLE = (
    r"(?:知事|首相|州首相|大臣|副大臣|政務官|市長|総領事|大使|長官|議長|会長|社長|理事長|総理|"
    r"事務局長|局長)"
)
_JA_MENTION = re.compile(
    rf"(?P<who>[{KANJI}{KANJI_MARKS}{KATAKANA}＝=]{{1,16}}?"
    + _JA_TITLE
    + r")(?=は|が|、|と|から|の)"
)
_JA_SPEAKER_BEFORE = re.compile(
    r"(?:^|(?<=。))(?P<who>[^「」。、は]{1,30}?)(?:は|が)[^「」。]{0,20}?「"
)
_JA_SPEAKER_AFTER = re.compile(r"」と(?P<who>[^「」。、]{2,40}?)(?:は|が)")
_JA_QUOTE_VERB = re.compile(
    r"」と(?:[^「」。]{0,40}?)(?:述べ|語|話|強調|コメント|あいさつ|挨拶|説明|期待|意欲|呼びかけ|応じ|答え)"
)
_JA_SPOKEN = re.compile(r"「[^「」]{6,}?[。！？]")  # a sentence inside brackets is speech
_JA_LEAD = re.compile(r"^(?:その後|また|さらに|最後に|冒頭|続いて|次に|一方)[、,]?")
_JA_LABEL = re.compile(
    r"^[【\[［〈<]\s*(?P<who>[^】\]］〉>]{1,20}?" + _JA_TITLE + r")\s*[】\]］〉>]$"
)


class People:
    """The persons a text names with title and name, to complete short speaker mentions."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.full: list[tuple[str, str]] = []  # (role, name)
        self.ja: list[str] = []  # "内堀雅雄福島県知事", "内堀知事"
        for text in texts:
            self.ja.extend(m.group("who") for m in _JA_MENTION.finditer(text))
            for pattern in (_PERSON, _APPOSITION):
                for match in pattern.finditer(text):
                    role = " ".join(match.group("role").split())
                    self.full.append((role, " ".join(match.group("name").split())))

    def complete(self, who: str) -> str:
        """Return the fullest known form of the person `who` names (or `who` as it is)."""
        if re.fullmatch(_JA_TITLE, who):  # "知事" -> "内堀雅雄知事"
            return max((m for m in self.ja if m.endswith(who)), key=len, default=who)
        words = who.split()
        if not words:
            return who
        surname = words[-1]
        best = ""
        for role, name in self.full:
            if name.split()[-1] == surname or (len(words) <= 2 and _same_role(role, who)):
                candidate = f"{role} {name}"
                if len(candidate) > len(best):
                    best = candidate
        return best or who


def _same_role(role: str, who: str) -> bool:
    """Return whether `who` ("die Staatssekretärin") is the bare `role` of a known person."""
    bare = who.split()[-1].casefold()
    return bool(re.fullmatch(_ROLE_WORD, who.split()[-1])) and role.casefold().endswith(bare)


def is_person_line(text: str, lang: Lang) -> bool:
    """Return whether `text` only names a person: „Bundesgesundheitsminister Hermann Gröhe“."""
    line = " ".join(text.split())
    if lang == "ja":
        return bool(_JA_LABEL.match(line))
    return bool(_PERSON.fullmatch(line)) and len(line.split()) <= 6


def is_quote(text: str, lang: Lang) -> bool:
    """Return whether the block `text` holds direct speech."""
    if lang == "ja":
        return bool(_JA_QUOTE_VERB.search(text) or _JA_SPOKEN.search(text))
    if _DE_SPEAKER_AFTER.search(text) or _DE_SPEAKER_BEFORE.search(text):
        return True
    for match in _DE_QUOTED.finditer(text):
        quoted = match.group("q")
        words = quoted.split()
        if len(words) >= 6 and re.search(r"[a-zäöüß]{2}[.!?](?:\s+[A-ZÄÖÜ„\"]|\s*$)", quoted):
            return True  # whole sentences in quotation marks
        if len(words) >= 3 and quoted[:1].islower() and _DE_VERB_PERSON.search(text):
            return True  # a partial quote beside "sagte X"
    return False


def find_speaker(text: str, lang: Lang, people: People | None = None) -> str | None:
    """Return who speaks the first quote in `text`, title and name where the text has them."""
    who = _ja_speaker(text) if lang == "ja" else _de_speaker(text)
    if who and people is not None:
        who = people.complete(who)
    return who


def _de_speaker(text: str) -> str | None:
    candidates: list[tuple[int, str]] = []
    for pattern in (_DE_SPEAKER_AFTER, _DE_SPEAKER_BEFORE, _DE_VERB_PERSON):
        match = pattern.search(text)
        if match:
            who = _trim_de(match.group("who"))
            if who:
                candidates.append((match.start(), who))
    if not candidates:
        return None
    return min(candidates)[1]


def _trim_de(who: str) -> str:
    who = " ".join(who.split())
    who = re.sub(r"^(?:der|die|das)\s+", "", who)
    if "," in who and len(who.split()) <= 14:
        return who  # "Claude Turmes, Minister für Energie …": name with an apposition
    words = who.split()
    if any(w[:1].islower() and w not in ("von", "van", "de", "zu", "für") for w in words):
        # "Aiwanger sieht in … Vorteile": the subject is the leading run of capitals
        lead: list[str] = []
        for word in words:
            if not word[:1].isupper():
                break
            lead.append(word)
        who = " ".join(lead)
    return who if 0 < len(who.split()) <= 12 else ""


def _ja_speaker(text: str) -> str | None:
    for pattern in (_JA_SPEAKER_BEFORE, _JA_SPEAKER_AFTER):
        match = pattern.search(text)
        if match:
            who = _JA_LEAD.sub("", match.group("who").strip())
            # "会談で州首相" -> "州首相": the name and title are the trailing run of kanji/katakana
            tail = re.search(rf"[{KANJI}{KANJI_MARKS}{KATAKANA}＝=]+$", who)
            who = tail.group(0) if tail else who
            if who:
                return who
    return None


def label_speaker(text: str) -> str | None:
    """Return the speaker a label line names („【後藤田知事】“ -> 後藤田知事), or None."""
    match = _JA_LABEL.match(" ".join(text.split()))
    return match.group("who") if match else None
