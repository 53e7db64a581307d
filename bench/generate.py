"""Realistic synthetic seeds for the benchmark: pasted news pages on one broad topic.

Each page has what real pastes have (a navigation bar, a tool row, a headline, a dateline with an
agency, paragraphs naming people with roles, countries, organisations, treaties, places and dates,
quotes, a related-links list and a copyright line), drawn from pools large enough that entity pages
and the chronology grow the way they do in a real dossier. Deterministic for a given seed number.

    python bench/generate.py OUT_DIR COUNT [--markdown MD_DIR]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = (
    "Anna Boris Carlos Dmitri Elena Farid Grace Hiro Ivan Jana Karim Lena Marco Nadia Omar Pavel "
    "Quinn Rosa Sergei Tomas Ursula Viktor Wei Xenia Yusuf Zofia Ahmed Brigitte Chen Diego"
).split()
LAST = (
    "Petrov Novak Garcia Lindqvist Okafor Tanaka Moreau Kowalski Haddad Jensen Rossi Ivanova Silva "
    "Fischer Nakamura Dubois Horvat Mensah Kaplan Varga Sato Bauer Costa Nilsson Popescu Demir Weber "
    "Romano Kim Larsen Ortiz Yilmaz Schmidt Mendes Hughes Abara Laine Castro Ferreira Olsen"
).split()
ROLES = [
    "Foreign Minister",
    "Defense Minister",
    "President",
    "Prime Minister",
    "spokesman",
    "Deputy Foreign Minister",
    "Secretary of State",
    "ambassador",
    "chief negotiator",
    "Interior Minister",
    "envoy",
]
COUNTRIES = [
    "Russia",
    "the United States",
    "Poland",
    "the Czech Republic",
    "Germany",
    "France",
    "Ukraine",
    "Georgia",
    "Turkey",
    "Iran",
    "China",
    "Japan",
    "Lithuania",
    "Latvia",
    "Estonia",
    "Belarus",
    "Hungary",
    "Romania",
    "Bulgaria",
    "Kazakhstan",
    "Azerbaijan",
    "Armenia",
    "Italy",
    "Spain",
    "Norway",
    "Sweden",
    "Finland",
    "Canada",
    "India",
    "Pakistan",
    "Brazil",
    "Mexico",
    "Egypt",
    "Israel",
    "Syria",
    "Iraq",
    "Afghanistan",
]
ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "the UN Security Council",
    "the OSCE",
    "the IAEA",
    "the State Duma",
    "the Pentagon",
    "the Kremlin",
    "the Foreign Ministry",
    "the African Union",
    "ASEAN",
    "the Council of Europe",
    "the World Bank",
    "the G8",
    "Interfax",
    "Reuters",
    "the Defense Ministry",
]
TREATIES = [
    "the CFE Treaty",
    "the INF Treaty",
    "the START Treaty",
    "the ABM Treaty",
    "the Non-Proliferation Treaty",
    "the Comprehensive Test Ban Treaty",
    "the Open Skies Treaty",
    "the Chemical Weapons Convention",
    "the Outer Space Treaty",
    "the Moscow Treaty",
]
PLACES = [
    "Brussels",
    "Geneva",
    "Vienna",
    "Moscow",
    "Warsaw",
    "Prague",
    "Berlin",
    "Paris",
    "Kiev",
    "Tbilisi",
    "Ankara",
    "Tehran",
    "Beijing",
    "Tokyo",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Minsk",
    "Budapest",
    "Bucharest",
    "Sofia",
    "Astana",
    "Baku",
    "Yerevan",
    "Rome",
    "Madrid",
    "Oslo",
    "Stockholm",
    "Helsinki",
    "Ottawa",
]
TOPICS = [
    "missile defense",
    "arms control",
    "troop reductions",
    "nuclear inspections",
    "energy security",
    "radar stations",
    "border security",
    "sanctions",
    "peacekeeping",
    "nuclear fuel supplies",
]
AGENCIES = ["Reuters", "AP", "AFP", "Xinhua", "Interfax", "ITAR-TASS"]
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()
NAV = [
    "Home | World | Business | Politics | Science | Sport | Opinion",
    "Home · News · Weather · Forum · Jobs · Shopping",
    "Skip to main content",
    "Breaking News",
    "Tools: Save | Print | E-mail | Most Read",
    "Adjust font size:",
    "Subscribe | Sign In",
]


def person(rng: random.Random, pool: list[str]) -> str:
    return rng.choice(pool)


def cap(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def paragraph(rng: random.Random, people: list[str], year: int) -> str:
    who, other = person(rng, people), person(rng, people)
    country, country2 = rng.sample(COUNTRIES, 2)
    org, treaty, place, topic = rng.choice(ORGS), rng.choice(TREATIES), rng.choice(PLACES), rng.choice(TOPICS)
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    templates = [
        f"{cap(country)}'s {rng.choice(ROLES)} {who} said on {rng.choice(WEEKDAYS)} that talks on {topic} "
        f"with {country2} would resume in {place} next month, despite objections from {org}.",
        f"On {month} {day}, {who} met {other} in {place} to discuss {treaty}, which was signed in "
        f"{rng.randint(1970, year - 1)} and which {country} has threatened to leave.",
        f'"We will not accept any plan that undermines {topic}," {who} told reporters in {place}, '
        f"adding that {org} should take up the issue before the end of the year.",
        f"Analysts said the dispute over {topic} had grown since {month} {year}, when {country2} "
        f"announced plans that {other}, a senior {rng.choice(ROLES)}, "
        f'called "a step backwards for {treaty}".',
        f"{cap(org)} is scheduled to meet in {place} on {month} {day}, "
        f"{year + 1}, where {country} and {country2} are expected to present proposals on {topic}.",
        f"Officials in {place} said {who} would travel to {rng.choice(PLACES)} in six months for a summit on "
        f"{topic}, the first such meeting since {rng.randint(1990, year - 1)}.",
    ]
    background = [
        f"The dispute over {topic} has dragged on for years, and few expect a quick settlement.",
        "Diplomats say the two sides remain far apart on the details.",
        "Critics argue that the plan would do little to improve security in the region.",
        "Supporters of the deal say it offers the best chance of avoiding a new arms race.",
        "The issue is expected to dominate the agenda of the coming meetings.",
        "Officials declined to give further details, citing the sensitivity of the negotiations.",
        f"{cap(country)} has long insisted that {topic} must be settled by negotiation rather than pressure.",
        f"Public opinion in {country} is divided on {topic}, according to recent polls.",
        f"Experts warn that without verification, any agreement on {topic} would be hard to enforce.",
        "The talks were described by participants as frank but constructive.",
        "Neither side has shown much willingness to compromise so far.",
        f"Some observers see the row over {topic} as part of a wider struggle for influence.",
        f"{who} has argued for a tougher line in the past.",
        f"A spokesman for {org} said it was following the talks in {place} closely.",
        f"{cap(country2)} has not commented publicly, although {who} is known to favour a deal.",
        f"Relations between {country} and {country2} have been strained for months.",
    ]
    # Real news is mostly background: about four dated statements and thirty-odd names an article
    # (measured on the cleaning and dates development sets), not a date and five names a sentence.
    dated = [rng.choice(templates)] if rng.random() < 0.25 else []
    return " ".join(dated + rng.sample(background, 3 - len(dated)))


def page(rng: random.Random, n: int, people: list[str]) -> tuple[str, str, str, list[str]]:
    """(pasted text, title, ISO date, body paragraphs) for article n."""
    year = rng.randint(2000, 2010)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    country, topic, place = rng.choice(COUNTRIES), rng.choice(TOPICS), rng.choice(PLACES)
    title = (
        f"{country.replace('the ', '').title()} and {rng.choice(COUNTRIES).replace('the ', '').title()} "
        f"clash over {topic} at {place} talks ({n})"
    )
    agency = rng.choice(AGENCIES)
    body = [
        f"{place.upper()}, {MONTHS[month - 1]} {day}, {year} ({agency}) -- " + paragraph(rng, people, year)
    ]
    while sum(len(p) for p in body) < 3800:
        body.append(paragraph(rng, people, year))
    related = [
        f"- {rng.choice(COUNTRIES).replace('the ', '').title()} rejects {rng.choice(TOPICS)} proposal"
        for _ in range(5)
    ]
    text = (
        "\n\n".join(
            rng.sample(NAV, 3)
            + [title]
            + body
            + ["Related >>\n" + "\n".join(related), f"Copyright © {year} {agency}. All rights reserved."]
        )
        + "\n"
    )
    return text, title, f"{year}-{month:02}-{day:02}", body


def generate(out: Path, count: int, markdown: Path | None = None, start: int = 0) -> None:
    rng_people = random.Random(7)
    people = sorted({f"{rng_people.choice(FIRST)} {rng_people.choice(LAST)}" for _ in range(1500)})
    out.mkdir(parents=True, exist_ok=True)
    if markdown:
        markdown.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        text, title, date, body = page(random.Random(n), n, people)
        (out / f"{n:05}.txt").write_text(text, encoding="utf-8")
        if markdown:
            (markdown / f"{n:05}.md").write_text(
                f"Title: {title}\nDate: {date}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--markdown", type=Path, help="also write the same articles as Markdown here")
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.count, args.markdown, args.start)
