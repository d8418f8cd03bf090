"""Project managers a sentence names, and whether each is the current or a former one.

"Projektledare är X", "leds av X", "X ersatte Y", "Projektledare: Y till och med <datum>,
därefter X": the tense and the succession words decide the role (``corpus.facts`` keeps
the newest current manager).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.fact_patterns import FOR_CLAUSE, SentenceText
from corpus.types import Span

_NAME = r"[A-ZÅÄÖÉØÆ][\wåäöéüøæ'’-]+(?:\s+(?:af|von|van|de|der|el|bin)\b)?(?:\s+[A-ZÅÄÖÉØÆ][\wåäöéüøæ'’-]+)+"
_NAME_RE = re.compile(_NAME)
_NAMES = rf"(?P<names>{_NAME}(?:(?:\s*,\s*|\s+och\s+){_NAME})*)"
_MANAGER_RE = re.compile(
    # "Projektledare i Gävle: X" (the partner's own manager in a project led from elsewhere)
    rf"(?P<pre>tidigare\s+|före\s+detta\s+|förre\s+|ny\s+|nuvarande\s+)?(?:proj(?:ekt|\.\s?)ledare(?:n)?|projektansvarig(?:e|a)?"
    # "Projektledning: X", a fact box's label for who leads the project; "Ansvarig: X" when X
    # is a person ("Ansvarig: Region Norrbotten" is an organisation).
    # "ledare: X", a memo's lower-case key for the same.
    r"|projektledning(?=\s*:)|(?<![\w-])ledare(?=\s*:)|ansvarig(?=\s*:\s*(?!\s)(?!(?:Region|Stiftelsen|Föreningen|Kommunen)\b))"
    # "Kontakt: X, projektledare från maj": the contact named as the manager.
    r"|kontakt(?:person)?(?=\s*:\s*[^,;:\n]{3,60},\s*projektledare))"
    rf"{FOR_CLAUSE}"
    # "Projektledare under fas 1 var X"
    r"(?:\s+under\s+(?:fas|etapp)\s+\d)?"
    # "Projektledare för Luleås del: X"
    r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+|\s+för\s+[\wåäöÅÄÖ-]+\s+del)?"
    # "**Projektledare:** X", "**Projektledare**: X": emphasis around the label; "Proj.ledare: X".
    # "Projektledare har under hela perioden varit X"
    rf"(?:\s+(?P<verb>är|var|har\s+(?:\w+\s+){{0,4}}?varit|blev|blir|hette|heter))?\s*\**\s*:?\s*\**\s*"
    # "Projektledning: Delat projektledarskap: A och B": the kind of leadership before the names.
    r"(?:(?:[Dd]elat\s+)?projektledarskap\s*:\s*)?"
    rf"(?:(?:sedan|från|fr\.o\.m\.?)\s+\S+(?:\s+\d{{4}})?\s+)?{_NAMES}"
)
# A manager's label or title: "Projektledare", "Projektledning" (a fact box's label).
_MANAGER_WORD = re.compile(r"proj(?:ekt|\.\s?)led(?:are|ning)", re.IGNORECASE)
# "drivs från X med Oskar Engqvist som projektledare", "med X som projektägare och Y som projektledare"
_AS_MANAGER_RE = re.compile(rf"\b(?:med|och)\s+{_NAMES}\s+som\s+(?:ny\s+)?projektledare\b")
_NAME_FIRST_RE = re.compile(
    # "X, som har bakgrund som …, är projektledare"
    rf"(?P<names>{_NAME})(?:,\s+som\s[^,.]{{1,80}},)?\s+(?P<verb>har\s+varit|var|är|blev|har\s+blivit)\s+"
    r"(?P<pre>ny\s+|tidigare\s+)?"
    r"projektledare\b"
)
# "Sedan den 1 maj 2057 är Johan Mattsson projektledare": the verb before the name after a
# fronted time.
_INVERTED_RE = re.compile(rf"\b(?P<verb>är|var|blev)\s+{_NAMES}\s+(?P<pre>ny\s+|tidigare\s+)?projektledare\b")
# "Kontaktperson: X (från 15 april 2054), tidigare Y": the person a fact box names for the
# project (``find_contacts``), where no project manager is named.
_CONTACT_LABEL = re.compile(r"^\W*kontaktperson(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+)?\s*:\s*", re.IGNORECASE)
# "Rekrytering pågår – tillförordnad kontaktperson är X", "kontaktperson är föreningens
# ordförande Y": the same in a sentence, a title or two before the name.
_CONTACT_IS = re.compile(
    r"\b(?:tillförordnad\s+|tf\.?\s+)?kontaktperson\s+(?:är|blir)\s+(?-i:[a-zåäö]+\s+){0,2}", re.IGNORECASE
)
# "Intervju med: Annika Sjöberg, projektledare", a line signed "X, projektledare".
_SIGNED_RE = re.compile(rf"(?:^|:\s*)(?P<names>{_NAME}),\s+(?P<pre>tidigare\s+)?projektledare\s*$")
# "leddes av X", "leddes under hela projekttiden av X", "leds sedan mars 2031 av X".
# "leds av distriktsläkaren Lisa Hägglund": a title in the definite form before the name.
# "leddes fram till den 30 april 2057 av X": a date between the verb and the name.
_LED_BY_RE = re.compile(rf"(?P<verb>leds|leddes|har\s+letts)\s+(?:[a-zåäö0-9]+\s+){{0,6}}?av\s+"
                        rf"(?:projektledare(?:n)?\s+|[a-zåäö]{{4,}}(?:aren|ern|en)\s+)?{_NAMES}")
_REPLACED_RE = re.compile(rf"(?P<new>{_NAME})\s+(?:har\s+)?ersatt(?:e)?\s+(?P<old>{_NAME})")
# "A har efterträtts av B", "A efterträddes av B"; "B, projektledare från maj (efterträdde A)".
_SUCCEEDED_RE = re.compile(rf"(?P<old>{_NAME})\s+(?:har\s+)?efterträtts?\s+av\s+(?P<new>{_NAME})|"
                           rf"(?P<old2>{_NAME})\s+efterträddes\s+av\s+(?P<new2>{_NAME})|"
                           rf"(?P<new3>{_NAME})[^.;()]{{0,60}}?\(?\s*(?:som\s+)?(?:efterträdde|har\s+efterträtt)"
                           rf"\s+(?P<old3>{_NAME})")
# "Projektledare: A till och med 31 mars 2026, därefter B"
_UNTIL_THEN_RE = re.compile(
    rf"(?P<old>{_NAME})\s+(?:till\s+och\s+med|t\.o\.m\.?|fram\s+till)\s+[^,;]{{1,30}}?"
    rf"[,;]?\s+(?:och\s+)?(?:därefter|sedan|därpå)\s+(?P<new>{_NAME})"
)
# "Projektledare är A, som tog över efter B i mars 2028"
_AFTER_RE = re.compile(rf"(?P<new>{_NAME}),?\s+(?:som\s+)?(?:tog\s+över|har\s+tagit\s+över|tillträdde)"
                       rf"\s+efter\s+(?P<old>{_NAME})")
# "Projektledare: A (från 2031-04-01), tidigare B", "A sedan mars, dessförinnan var B projektledare"
_EARLIER_RE = re.compile(rf"(?P<new>{_NAME})(?:\s*\([^()]{{0,40}}\)|\s+sedan\s+[^,;()]{{1,25}}?)?\s*[,;]\s*"
                         rf"(?:och\s+)?(?:tidigare|dessförinnan|innan\s+dess)\s*:?\s+"
                         rf"(?:(?:var|har\s+varit)\s+)?(?P<old>{_NAME})")
# "Projektledare: A (2031-01-01 – 2031-10-31), därefter B": A first, B since
_THEREAFTER_RE = re.compile(rf"(?P<old>{_NAME})(?:\s*\([^()]{{0,40}}\))?\s*[,;]?\s*"
                            rf"(?:och\s+)?(?:därefter|sedan\s+dess|efter\s+det|numera)\s+(?P<new>{_NAME})")
_TOOK_OVER_RE = re.compile(rf"(?P<new>{_NAME})\s+(?:tog\s+över|har\s+tagit\s+över|tillträdde|"
                           r"har\s+tillträtt)")
# "Per Nyhlén, teknisk chef, är tillförordnad projektledare": acting, so the current one.
_ACTING_RE = re.compile(rf"(?P<names>{_NAME})(?:,\s+[^,.;]{{1,40}},)?\s+(?:(?:är|har\s+varit)\s+)?"
                        r"(?:tillförordnad|t\.\s?f\.|tf\.?)\s+projektledare\b")
# "Projektledaren Linnea Holm lämnade bolaget i oktober": named, then gone.
_LEFT = re.compile(r"\s+(?:lämnade|slutade|avgick|har\s+lämnat|har\s+slutat|gick\s+i\s+pension)\b")
_PAST = re.compile(r"\b(?:har\s+varit|hade\s+varit|var|leddes|avgick|slutade)\b", re.IGNORECASE)
# "Projektet leds av Hjørring Kommune som huvudpartner": an organisation leads, no person.
_ORGANISATION = re.compile(
    r"\b(?:[Kk]ommun(?:e|en)?|[Ss]tad|Region|AB|[Ff]örvaltning\w*|[Uu]niversitet\w*|[Hh]ögskola\w*|"
    r"[Ss]tiftelse\w*|[Ff]örening\w*|Länsstyrelse\w*|[Mm]yndighet\w*|[Bb]olag\w*)\b"
)


@dataclass(frozen=True, slots=True)
class ManagerMention:
    """A named project manager: ``role`` is "current", "past" (tense only) or "former" (explicit)."""

    name: str
    span: Span
    role: str


def _split_names(names: str, start: int) -> list[tuple[str, Span]]:
    out = []
    for m in re.finditer(_NAME, names):
        out.append((m.group(0), Span(start + m.start(), start + m.end())))
    return out


def find_managers(sent: SentenceText) -> list[ManagerMention]:
    """Project managers a sentence names, with tense or an explicit "tidigare"/"ersatt"."""
    out: list[ManagerMention] = []
    t = sent.text

    def mention(m: re.Match[str], group: str, role: str) -> ManagerMention:
        return _mention(sent, m, group, role)

    for m in [*_REPLACED_RE.finditer(t), *_UNTIL_THEN_RE.finditer(t), *_AFTER_RE.finditer(t)]:
        out += [mention(m, "new", "current"), mention(m, "old", "former")]
    for m in _SUCCEEDED_RE.finditer(t):
        old, new = next((f"old{k}", f"new{k}") for k in ("", "2", "3") if m.group(f"old{k}"))
        out += [mention(m, new, "current"), mention(m, old, "former")]
    if _MANAGER_WORD.search(t):
        out += [m_ for m in [*_EARLIER_RE.finditer(t), *_THEREAFTER_RE.finditer(t)]
                for m_ in (mention(m, "new", "current"), mention(m, "old", "former"))]
    out += [mention(m, "names", "current") for m in _ACTING_RE.finditer(t)]
    if out:
        return out
    if _MANAGER_WORD.search(t):
        out += [mention(m, "new", "current") for m in _TOOK_OVER_RE.finditer(t)]
    found = [*re.finditer(_MANAGER_RE.pattern, t, re.IGNORECASE), *_LED_BY_RE.finditer(t),
             *_NAME_FIRST_RE.finditer(t), *_AS_MANAGER_RE.finditer(t), *_SIGNED_RE.finditer(t),
             *_INVERTED_RE.finditer(t)]
    for m in found:
        names = m.group("names")
        if not names[0].isupper():
            continue
        pre = (m.groupdict().get("pre") or "").strip().lower()
        if pre in ("tidigare", "före detta", "förre"):
            role = "former"
        elif _PAST.search(t[: m.start("names")]) or _PAST.fullmatch(m.groupdict().get("verb") or ""):
            role = "past"
        else:
            role = "current"
        for name, span in _split_names(names, sent.start + m.start("names")):
            if _ORGANISATION.search(name):
                continue
            left = _LEFT.match(t, span.end - sent.start) is not None
            out.append(ManagerMention(name, span, "former" if left else role))
    return out


def is_contact_line(text: str) -> bool:
    """Whether ``text`` is a fact box's contact line ("Kontaktperson: X") or says who the
    contact person is ("… kontaktperson är X")."""
    return _CONTACT_LABEL.match(text) is not None or _CONTACT_IS.search(text) is not None


def find_contacts(sent: SentenceText) -> list[ManagerMention]:
    """The contact person a project's fact box names ("Kontaktperson: X (från 15 april
    2054), tidigare Y"): who answers for the project where the report names no manager."""
    label = _CONTACT_LABEL.match(sent.text) or _CONTACT_IS.search(sent.text)
    if label is None:
        return []
    t = sent.text

    changed = [*_EARLIER_RE.finditer(t, label.end()), *_THEREAFTER_RE.finditer(t, label.end())]
    if changed:
        return [_mention(sent, m, group, role) for m in changed
                for group, role in (("new", "current"), ("old", "former"))]
    first = _NAME_RE.match(t, label.end())
    if first is None or _ORGANISATION.search(first.group(0)):
        return []
    return [_mention(sent, first, 0, "current")]


def _mention(sent: SentenceText, m: re.Match[str], group: str | int, role: str) -> ManagerMention:
    return ManagerMention(m.group(group), Span(sent.start + m.start(group), sent.start + m.end(group)), role)
