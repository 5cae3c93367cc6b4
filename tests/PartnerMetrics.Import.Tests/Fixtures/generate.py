#!/usr/bin/env python3
"""Writes the CRM export fixtures of PartnerMetrics.Import.Tests and their expected figures.

The exports are invented (seeded random data shaped like each CRM's export). The expected figures are computed
here, independently of the library: the raw text is parsed by this script and the metrics come from SQL run
by SQLite. Rerun with `python3 generate.py` from this folder; the output is the same on every run.
"""
import csv, json, math, random, sqlite3, uuid
from datetime import date, datetime, timedelta
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Industrial", "Wayne Logistics", "Hooli", "Soylent Foods",
             "Vandelay Imports", "Tyrell Systems", "Cyberdyne", "Wonka Retail", "Pied Piper", "Massive Dynamic", "Oscorp Labs",
             "Gringotts Finance", "Monarch Air", "Blue Sun", "Aperture Science", "Black Mesa Energy", "Nakatomi Trading",
             "Duff Beverages", "Krusty Foods", "Sirius Cybernetics", "Dunder Paper", "Prestige Worldwide", "Bluth Homes",
             "Gekko Capital", "Zorg Industries", "Virtucon"]
PARTNERS = ["Contoso Partners", "Northwind Solutions", "Fabrikam Integration", "Litware MSP", "Adventure Cloud", "Tailspin Resellers"]
REGIONS = ["EMEA", "AMER", "APAC"]


def money_us(value, style):
    text = f"{value:,.2f}"
    return {"code": f"USD {text}", "symbol": f"${text}", "plain": f"{value:.2f}".rstrip("0").rstrip(".")}[style]


def deals(rng, count, start):
    """Deal skeletons: account, created, outcome, cycle, amount (Decimal or None)."""
    out = []
    for i in range(count):
        created = start + timedelta(days=rng.randrange(0, 600))
        outcome = rng.choices(["Open", "Won", "Lost"], [3, 4, 3])[0]
        cycle = rng.choice([rng.randrange(5, 120), rng.randrange(5, 120), rng.randrange(60, 400)])
        amount = None if rng.random() < 0.06 else Decimal(rng.randrange(500, 250_000)) + Decimal(rng.choice([0, 0, 50, 99])) / 100
        if outcome == "Lost" and rng.random() < 0.15:
            amount = Decimal(0)
        out.append(dict(i=i, account=rng.choice(COMPANIES), created=created, outcome=outcome, cycle=cycle, amount=amount,
                        partner=rng.choice(PARTNERS) if rng.random() < 0.75 else None, region=rng.choice(REGIONS)))
    return out


def salesforce(rng):
    rows = []
    open_stages = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Proposal/Price Quote", "Negotiation/Review"]
    types = ["New Customer", "Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade"]
    sources = ["Web", "Partner Referral", "Phone Inquiry", "Partner", "Trade Show", "Advertisement", "Employee Referral"]
    for d in deals(rng, 320, date(2023, 1, 2)):
        close = d["created"] + timedelta(days=d["cycle"])
        stage = {"Won": "Closed Won", "Lost": "Closed Lost"}.get(d["outcome"]) or rng.choice(open_stages)
        rows.append({
            "Opportunity ID": f"006Dn000{d['i']:07d}AAA",
            "Opportunity Name": f"{d['account']} - {rng.choice(['Platform', 'Support', 'Licences', 'Migration'])}",
            "Account Name": d["account"],
            "Stage": stage,
            "Amount": "" if d["amount"] is None else money_us(d["amount"], rng.choice(["code", "code", "symbol"])),
            "Probability (%)": {"Closed Won": "100", "Closed Lost": "0"}.get(stage, str(rng.choice([10, 20, 40, 60, 80]))),
            "Close Date": f"{close.month}/{close.day}/{close.year}",
            "Created Date": f"{d['created'].month}/{d['created'].day}/{d['created'].year}",
            "Type": rng.choice(types),
            "Lead Source": rng.choice(sources),
            "Partner Account": d["partner"] or "",
            "Owner Region": d["region"],
            "Opportunity Owner": rng.choice(["Ana Silva", "Ben Okafor", "Chen Wei", "Dana Levi"]),
        })
    return rows


def hubspot(rng):
    rows = []
    open_stages = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In", "Contract Sent"]
    for d in deals(rng, 220, date(2023, 6, 1)):
        close = d["created"] + timedelta(days=d["cycle"])
        stage = {"Won": rng.choice(["Closed Won", "closedwon"]), "Lost": rng.choice(["Closed Lost", "closedlost"])}.get(d["outcome"]) or rng.choice(open_stages)
        created_at = datetime.combine(d["created"], datetime.min.time()) + timedelta(minutes=rng.randrange(0, 1440))
        close_at = datetime.combine(close, datetime.min.time()) + timedelta(minutes=rng.randrange(0, 1440))
        rows.append({
            "Record ID": str(9_000_000_000 + d["i"] * 7919),
            "Deal Name": f"{d['account']} {rng.choice(['expansion', 'pilot', 'rollout'])}",
            "Deal Stage": stage,
            "Amount": "" if d["amount"] is None else money_us(d["amount"], "plain"),
            "Close Date": close_at.strftime("%Y-%m-%d %H:%M"),
            "Create Date": created_at.strftime("%Y-%m-%d %H:%M"),
            "Deal Type": rng.choice(["newbusiness", "existingbusiness", "New Business", "Existing Business"]),
            "Pipeline": "Sales Pipeline",
            "Associated Company": d["account"],
            "Deal owner": rng.choice(["Eve Adams", "Femi Bello"]),
        })
    return rows


def dynamics(rng):
    rows = []
    for d in deals(rng, 160, date(2023, 3, 1)):
        est_close = d["created"] + timedelta(days=d["cycle"])
        actual = est_close + timedelta(days=rng.randrange(-10, 20)) if d["outcome"] != "Open" else None
        if actual is not None and actual < d["created"]:
            actual = d["created"]
        modified = max(d["created"], actual or d["created"]) + timedelta(days=rng.randrange(0, 30))
        stamp = lambda day, minutes: (datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)).strftime("%-m/%-d/%Y %-I:%M %p")
        rows.append({
            "(Do Not Modify) Opportunity": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "(Do Not Modify) Row Checksum": f"{rng.getrandbits(64):016x}",
            "(Do Not Modify) Modified On": stamp(modified, rng.randrange(480, 1080)),
            "Topic": f"{d['account']} opportunity",
            "Potential Customer": d["account"],
            "Est. Close Date": f"{est_close.month}/{est_close.day}/{est_close.year}",
            "Est. Revenue": "" if d["amount"] is None else money_us(d["amount"], "symbol"),
            "Status": d["outcome"],
            "Created On": stamp(d["created"], rng.randrange(480, 1080)),
            "Actual Close Date": "" if actual is None else f"{actual.month}/{actual.day}/{actual.year}",
            "Owner": rng.choice(["Gil Moreau", "Hana Sato"]),
        })
    return rows


# ---- the oracle: parse the raw text here, then compute with SQL ---------------------------------------------

def us_day(text):
    return datetime.strptime(text.split(" ")[0], "%m/%d/%Y").date()


def amount(text):
    if not text:
        return None
    return Decimal(text.replace("USD ", "").replace("$", "").replace(",", ""))


def load(rows, spec):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE deal (id TEXT, account TEXT, partner TEXT, district TEXT, outcome TEXT, hunting INTEGER, cents INTEGER, has_amount INTEGER, created INTEGER, closed INTEGER)")
    for row in rows:
        r = spec(row)
        cents = None if r["amount"] is None else int(r["amount"] * 100)
        db.execute("INSERT INTO deal VALUES (?,?,?,?,?,?,?,?,?,?)", (r["id"], r["account"], r["partner"], r.get("district"), r["outcome"], r.get("hunting"),
                                                                    cents or 0, cents is not None, r["created"].toordinal(), r["closed"].toordinal() if r["closed"] else None))
    return db


def infer_hunting(db):
    # DOMAIN rule 21 in SQL: an account's first win (by close day, then id) and every deal before it are hunting.
    db.execute("""UPDATE deal SET hunting = CASE
        WHEN NOT EXISTS (SELECT 1 FROM deal w WHERE w.account = deal.account AND w.outcome = 'Won') THEN 1
        WHEN deal.closed IS NOT NULL THEN (deal.closed, deal.id) <= (SELECT w.closed, w.id FROM deal w WHERE w.account = deal.account AND w.outcome = 'Won' ORDER BY w.closed, w.id LIMIT 1)
        ELSE deal.created < (SELECT MIN(w.closed) FROM deal w WHERE w.account = deal.account AND w.outcome = 'Won') END""")


def figures(db):
    one = lambda sql: db.execute(sql).fetchone()
    n, open_, won, lost = one("SELECT COUNT(*), SUM(outcome='Open'), SUM(outcome='Won'), SUM(outcome='Lost') FROM deal")
    won_c, lost_c, open_c, lost_with = one("SELECT SUM(CASE WHEN outcome='Won' THEN cents END), SUM(CASE WHEN outcome='Lost' THEN cents END), SUM(CASE WHEN outcome='Open' THEN cents END), SUM(outcome='Lost' AND cents > 0) FROM deal")
    missing, = one("SELECT SUM(NOT has_amount) FROM deal")
    hunt_n, hunt_c = one("SELECT SUM(hunting), SUM(CASE WHEN hunting THEN cents ELSE 0 END) FROM deal WHERE outcome='Won'")
    cycles = [c for (c,) in db.execute("SELECT closed - created FROM deal WHERE outcome='Won' ORDER BY 1")]
    hhi = lambda sql: (lambda parts: None if sum(parts) == 0 else float(sum(Fraction(p, sum(parts)) ** 2 for p in parts) * 10000))([c for (c,) in db.execute(sql)])
    median = Fraction(cycles[(len(cycles) - 1) // 2] + cycles[len(cycles) // 2], 2)
    value_rate = None if (lost > 0 and lost_with == 0) or won_c + lost_c == 0 else float(Fraction(won_c, won_c + lost_c))
    districts = {d: dict(won=w, wonValue=str(Decimal(c) / 100)) for d, w, c in db.execute("SELECT district, SUM(outcome='Won'), SUM(CASE WHEN outcome='Won' THEN cents ELSE 0 END) FROM deal WHERE district IS NOT NULL GROUP BY district")}
    return {
        "count": n, "open": open_, "won": won, "lost": lost, "missingAmounts": missing, "lostWithAmount": lost_with,
        "openValue": str(Decimal(open_c) / 100), "wonValue": str(Decimal(won_c) / 100), "lostValue": str(Decimal(lost_c) / 100),
        "winRateByCount": won / (won + lost), "winRateByValue": value_rate,
        "huntingWon": hunt_n, "huntingWonValue": str(Decimal(hunt_c) / 100),
        "wonCycleMedian": float(median), "wonCyclePercentile90": cycles[math.ceil(0.9 * len(cycles)) - 1], "wonCycleMean": float(Fraction(sum(cycles), len(cycles))),
        "partnerConcentration": hhi("SELECT SUM(cents) FROM deal WHERE outcome='Won' AND partner IS NOT NULL GROUP BY partner"),
        "customerConcentration": hhi("SELECT SUM(cents) FROM deal WHERE outcome='Won' GROUP BY account"),
        "districts": districts,
    }


def write(name, rows, spec, infer=False):
    with open(f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    db = load(rows, spec)
    if infer:
        infer_hunting(db)
    with open(f"{name}.expected.json", "w", encoding="utf-8") as f:
        json.dump(figures(db), f, indent=2, sort_keys=True)
        f.write("\n")


def sf_spec(row):
    outcome = {"Closed Won": "Won", "Closed Lost": "Lost"}.get(row["Stage"], "Open")
    close = us_day(row["Close Date"])
    return dict(id=row["Opportunity ID"], account=row["Account Name"], partner=row["Partner Account"] or None, district=row["Owner Region"], outcome=outcome,
                hunting=row["Type"] == "New Customer", amount=amount(row["Amount"]), created=us_day(row["Created Date"]), closed=None if outcome == "Open" else close)


def hs_spec(row):
    stage = row["Deal Stage"].replace(" ", "").lower()
    outcome = {"closedwon": "Won", "closedlost": "Lost"}.get(stage, "Open")
    day = lambda text: datetime.strptime(text, "%Y-%m-%d %H:%M").date()
    return dict(id=row["Record ID"], account=row["Associated Company"], partner=None, outcome=outcome, hunting=row["Deal Type"].replace(" ", "").lower() == "newbusiness",
                amount=amount(row["Amount"]), created=day(row["Create Date"]), closed=None if outcome == "Open" else day(row["Close Date"]))


def dy_spec(row):
    return dict(id=row["(Do Not Modify) Opportunity"], account=row["Potential Customer"], partner=None, outcome=row["Status"], amount=amount(row["Est. Revenue"]),
                created=us_day(row["Created On"]), closed=us_day(row["Actual Close Date"]) if row["Actual Close Date"] else None)


if __name__ == "__main__":
    write("salesforce-opportunities", salesforce(random.Random(16_001)), sf_spec)
    write("hubspot-deals", hubspot(random.Random(16_002)), hs_spec)
    write("dynamics-opportunities", dynamics(random.Random(16_003)), dy_spec, infer=True)
