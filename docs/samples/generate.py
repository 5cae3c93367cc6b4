#!/usr/bin/env python3
"""Writes the invented Salesforce sample export set under docs/samples/salesforce/.

Every company, subject and number here is made up. The generator is deterministic
(one random.Random(2026), no clock, no hashing order): running it twice gives byte-identical files.
Standard library only. Run it from anywhere:

    python3 docs/samples/generate.py

Evidence covers about two years and ends on 10/31/2026: nothing that *happened* (an event, a
completion, a case timestamp, a certification, a delivery, a review, a check-in, a deal created or
closed) is later than that day, and something happened on it. Forward-looking columns (the due day
of an open task, a certification's expiry, a goal's due day, an open deal's expected close) may lie
after it, as they do in a live CRM.
"""

import csv
import math
import os
import random
from datetime import date, datetime, timedelta

END = date(2026, 10, 31)            # the latest day of any evidence (an "as of" day for scoring)
WINDOW_START = date(2024, 11, 1)    # evidence covers about two years before END
FADE_FROM = date(2026, 5, 1)        # fading partners go quiet in the last six months

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "salesforce")

rng = random.Random(2026)

WORKLOADS = ["Cloud Migration", "Security", "Data & AI", "Modern Workplace"]
REGIONS = ["EMEA", "AMER", "APAC"]

# ---------------------------------------------------------------------------------------------
# Formatting (Salesforce en-US export)
# ---------------------------------------------------------------------------------------------


def fmt_date(d):
    return "" if d is None else f"{d.month}/{d.day}/{d.year}"


def fmt_ts(t):
    if t is None:
        return ""
    hour = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year} {hour}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def fmt_amount(value):
    return "" if value is None else f"USD {value:,.2f}"


def write_csv(name, header, rows):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for row in rows:
            assert len(row) == len(header), (name, row)
            w.writerow(row)
    return len(rows)


# ---------------------------------------------------------------------------------------------
# Salesforce-style ids: key prefix + instance + counter (15 chars), then the 3-char case checksum
# ---------------------------------------------------------------------------------------------

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def base62(n, width):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(width, "0")


def with_checksum(id15):
    suffix = ""
    for i in range(3):
        bits = sum(1 << j for j, c in enumerate(id15[i * 5:i * 5 + 5]) if "A" <= c <= "Z")
        suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits]
    return id15 + suffix


class IdMaker:
    """Ids that grow in the order they are handed out, like a real org's."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.n = rng.randrange(62 ** 4 * 9, 62 ** 4 * 40)

    def next(self):
        self.n += rng.randint(7, 4000)
        return with_checksum(self.prefix + "5J00000" + base62(self.n, 5))


# ---------------------------------------------------------------------------------------------
# Small date helpers
# ---------------------------------------------------------------------------------------------


def add_years(d, years):
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def rand_day(lo, hi):
    """A uniformly random day in [lo, hi]."""
    if hi <= lo:
        return lo
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def weekday_on_or_before(d):
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def rand_weekday(lo, hi):
    d = rand_day(lo, hi)
    w = weekday_on_or_before(d)
    return w if w >= lo else d


def business_time(d):
    return datetime(d.year, d.month, d.day, rng.randint(8, 17), rng.choice(range(0, 60)))


END_TS = datetime(END.year, END.month, END.day, 23, 59)


def in_business_hours(t):
    """Moves a time outside office hours (8 AM to 6 PM, Monday to Friday) to the next office morning."""
    if t.weekday() < 5 and 8 <= t.hour < 18:
        return t
    if t.hour >= 18 or t.weekday() >= 5:
        t += timedelta(days=1)
    while t.weekday() >= 5:
        t += timedelta(days=1)
    return datetime(t.year, t.month, t.day, 8, 0) + timedelta(minutes=rng.randint(0, 90))


# ---------------------------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------------------------

RESELLER = "Channel Partner / Reseller"
INSTALLER = "Installation Partner"
TECH = "Technology Partner"
MSP = "Managed Service Provider"
DISTI = "Distributor"

# name, Salesforce account type, tier, region, archetype
PARTNERS = [
    ("Copperline Cloud Partners", RESELLER, "Platinum", "AMER", "thriving"),
    ("Kestrel Ridge Consulting", INSTALLER, "Platinum", "EMEA", "thriving"),
    ("Brückenwerk IT GmbH", RESELLER, "Gold", "EMEA", "thriving"),
    ("Tamarind Bay Systems", MSP, "Gold", "APAC", "thriving"),
    ("Halcyon Byte Partners", TECH, "Gold", "AMER", "thriving"),
    ("Pemberly Data, Inc.", INSTALLER, "Platinum", "AMER", "thriving"),
    ("Westmark Channel Distribution", DISTI, "Platinum", "EMEA", "thriving"),
    ("Tidewater Integration Group", INSTALLER, "Gold", "AMER", "steady"),
    ("Nordlys Analyse AS", RESELLER, "Silver", "EMEA", "steady"),
    ("Silverbirch Cloud", RESELLER, "Gold", "APAC", "steady"),
    ("Driftwood Data Works", TECH, "Silver", "AMER", "steady"),
    ("Quayside Managed IT", MSP, "Silver", "EMEA", "steady"),
    ("Koru Cloud Partners Ltd", RESELLER, "Silver", "APAC", "steady"),
    ("Gannet Point Technologies", INSTALLER, "Gold", "EMEA", "steady"),
    ("Marigold Circuit Co.", RESELLER, "Silver", "AMER", "steady"),
    ("Larchmont Digital Services", RESELLER, "Gold", "AMER", "fading"),
    ("Ambermoor Technologies", INSTALLER, "Silver", "EMEA", "fading"),
    ("Maison Céleste Informatique SARL", RESELLER, "Silver", "EMEA", "fading"),
    ("Banyan Grid Technologies", TECH, "Gold", "APAC", "fading"),
    ("Cinderfield Networks", MSP, "Silver", "AMER", "fading"),
    ("Thistledown Systems Ltd", INSTALLER, "Registered", "EMEA", "fading"),
    ("Ironbark Solutions", RESELLER, "Gold", "APAC", "vendor-broken"),
    ("Lumen Harbor Consulting", INSTALLER, "Silver", "AMER", "vendor-broken"),
    ("Sakuragawa Systems K.K.", TECH, "Silver", "APAC", "vendor-broken"),
    ("Oakhollow Systems", RESELLER, "Gold", "EMEA", "vendor-broken"),
    ("Redkite Digital", RESELLER, "Silver", "EMEA", "partner-unreliable"),
    ("Saltmarsh Networks", INSTALLER, "Registered", "AMER", "partner-unreliable"),
    ("Wattle & Gum Technology Pty Ltd", INSTALLER, "Silver", "APAC", "partner-unreliable"),
    ("Fennwick Solutions", MSP, "Registered", "AMER", "partner-unreliable"),
    ("Starling Vale Partners", RESELLER, "Registered", "AMER", "new"),
    ("Mangrove Digital Pte Ltd", TECH, "Registered", "APAC", "new"),
    ("Osprey Lane Technologies", INSTALLER, "Silver", "EMEA", "new"),
    ("Juniper Crest Distribution", DISTI, "Registered", "AMER", "new"),
    ("Quillfeather IT", RESELLER, "Registered", "EMEA", "silent"),
    ("Hollowreed Software", TECH, "Registered", "AMER", "silent"),
    ("Aldergrove Cloud Services", RESELLER, "Registered", "APAC", "silent"),
]

NO_PARTNER_SINCE = {"Gannet Point Technologies", "Quillfeather IT"}   # importer falls back to Created Date
# Partners onboarded inside the window (not "new"): less than two years of evidence.
JOINED_IN_WINDOW = {
    "Koru Cloud Partners Ltd": date(2025, 2, 10),
    "Saltmarsh Networks": date(2025, 4, 7),
    "Sakuragawa Systems K.K.": date(2025, 1, 20),
    "Hollowreed Software": date(2025, 3, 3),
}
PLAN_LESS = {"Marigold Circuit Co.", "Fennwick Solutions", "Mangrove Digital Pte Ltd",
             "Juniper Crest Distribution", "Quillfeather IT", "Aldergrove Cloud Services"}

# name, type, region
OTHER_ACCOUNTS = [
    ("Harrowgate Freight Lines", "Customer - Direct", "AMER"),
    ("Velloria Health Network", "Customer - Direct", "AMER"),
    ("Castellan Mutual Insurance", "Customer - Direct", "EMEA"),
    ("Bramblewood Foods, Inc.", "Customer - Direct", "AMER"),
    ("Pellucid Pharma AG", "Customer - Direct", "EMEA"),
    ("Orrin & Vask Manufacturing", "Customer - Channel", "EMEA"),
    ("Sunmere Retail Group", "Customer - Channel", "APAC"),
    ("Ashgrove County Council", "Customer - Channel", "EMEA"),
    ("Tessaly Energy Pty Ltd", "Customer - Channel", "APAC"),
    ("Marlowe Quarry Holdings", "Prospect", "AMER"),
    ("Yarrowby University", "Prospect", "EMEA"),
    ("Kilnworth Ceramics", "Prospect", "APAC"),
]

CUSTOMER_FIRST = [
    "Alderfield", "Amberlight", "Ashcombe", "Bellhaven", "Birchmont", "Blackwater", "Brightmoor",
    "Calloway", "Carrowmore", "Cedarline", "Claymore", "Coldharbour", "Crestmoor", "Dunmere",
    "Eastwick", "Elmstead", "Fairhollow", "Farrowdale", "Foxglove", "Glenhurst", "Goldcrest",
    "Granthorpe", "Greystone", "Hartwell", "Hazelmere", "Heathcote", "Highmoor", "Hollins",
    "Ivybridge", "Kingsmere", "Lakeshore", "Larkspur", "Linwood", "Lowther", "Maplecroft",
    "Marshfield", "Millbrook", "Moorcroft", "Netherby", "Northgate", "Oakmere", "Orchard Vale",
    "Pennywell", "Quarrington", "Ravenscar", "Redwater", "Rosedale", "Saltcote", "Sandhurst",
    "Seabrook", "Shorecliff", "Southmoor", "Stagsden", "Stillwater", "Sunnyvale Row", "Thornbury",
    "Upperton", "Wakefield Row", "Westbrook", "Whitcombe", "Willowmere", "Woodhaven", "Yewdale",
    "Zephyr Point", "Kaiwhenua", "Matsubara", "Rautenberg", "Sørvik", "Villanueva", "Ōtaki",
]
CUSTOMER_SECTOR = [
    "Logistics", "Health", "Foods", "Manufacturing", "Insurance", "Retail", "Energy", "Bank",
    "Legal LLP", "Pharma", "Freight", "Hospitality", "Media", "Engineering", "Water Authority",
    "Credit Union", "Building Society", "Motors", "Textiles", "Agritech", "Telecom", "Clinics",
    "Housing Trust", "Shipping", "Labs",
]
CUSTOMER_SUFFIX = ["", "", "", " Ltd", " Inc.", " GmbH", " Group", " Holdings", " Pty Ltd", ", LLC"]
NO_SUFFIX = ("LLP", "Authority", "Trust", "Society", "Union")

# ---------------------------------------------------------------------------------------------
# Archetype parameters
# ---------------------------------------------------------------------------------------------

# Task outcome mix per side for a task due by END: (kept on time, kept late, deferred, left open)
OUTCOMES = {
    "thriving": {"vendor": (0.88, 0.08, 0.02, 0.02), "partner": (0.87, 0.09, 0.02, 0.02)},
    "steady": {"vendor": (0.72, 0.17, 0.06, 0.05), "partner": (0.70, 0.18, 0.06, 0.06)},
    "fading": {"vendor": (0.70, 0.16, 0.07, 0.07), "partner": (0.66, 0.18, 0.08, 0.08)},
    "vendor-broken": {"vendor": (0.22, 0.20, 0.26, 0.32), "partner": (0.80, 0.14, 0.03, 0.03)},
    "partner-unreliable": {"vendor": (0.82, 0.12, 0.03, 0.03), "partner": (0.20, 0.32, 0.20, 0.28)},
    "new": {"vendor": (0.85, 0.10, 0.0, 0.05), "partner": (0.80, 0.15, 0.0, 0.05)},
    "silent": {"vendor": (0.40, 0.20, 0.10, 0.30), "partner": (0.30, 0.20, 0.15, 0.35)},
}
FADED_OUTCOMES = (0.15, 0.10, 0.20, 0.55)   # fading partners' tasks due after FADE_FROM

P = {
    #                 tasks     vendor share  weekly p  extra  partner-initiated  cases   escalations
    "thriving": dict(tasks=(24, 32), vshare=0.5, week=0.52, extra=0.12, q=0.50, cases=(4, 7), esc=(0, 2)),
    "steady": dict(tasks=(15, 22), vshare=0.5, week=0.34, extra=0.08, q=0.40, cases=(3, 6), esc=(0, 2)),
    "fading": dict(tasks=(15, 22), vshare=0.5, week=0.34, extra=0.08, q=0.38, cases=(3, 5), esc=(1, 2)),
    "vendor-broken": dict(tasks=(20, 28), vshare=0.58, week=0.26, extra=0.06, q=0.66, cases=(6, 9), esc=(2, 4)),
    "partner-unreliable": dict(tasks=(20, 28), vshare=0.42, week=0.26, extra=0.06, q=0.26, cases=(4, 7), esc=(2, 3)),
    "new": dict(tasks=(8, 12), vshare=0.55, week=0.65, extra=0.20, q=0.40, cases=(1, 2), esc=(0, 0)),
    "silent": dict(tasks=(4, 7), vshare=0.6, week=0.0, extra=0.0, q=0.20, cases=(0, 1), esc=(0, 0)),
}

VENDOR_TASKS = [
    "Send co-marketing plan", "Deliver demo environment", "Provide NFR licenses",
    "Share pricing update", "Approve MDF claim", "Schedule technical enablement session",
    "Review deal registration backlog", "Send partner program guide", "Arrange executive sponsor call",
    "Provision sandbox tenant", "Share roadmap briefing deck", "Process rebate payment",
    "Assign partner development manager", "Send certification vouchers", "Introduce co-sell contact",
    "Send lead list for joint campaign", "Confirm QBR attendees", "Fix partner portal access",
]
PARTNER_TASKS = [
    "Register Q{q} pipeline", "Submit joint business plan draft", "Complete {w} certification",
    "Provide customer reference", "Send forecast update", "Nominate engineers for bootcamp",
    "Submit MDF proof of execution", "Share case study draft", "Update opportunity stages in portal",
    "Send QBR agenda", "Run customer workshop", "Deliver {w} assessment for customer",
    "Confirm webinar speakers", "Send Q{q} marketing calendar",
]
ONBOARDING_TASKS = [
    ("vendor", "Send welcome pack and portal logins"), ("partner", "Return signed partner agreement"),
    ("vendor", "Run onboarding kickoff"), ("partner", "Complete partner profile in portal"),
    ("partner", "Enroll sales team in foundations training"), ("vendor", "Assign partner development manager"),
]
CUSTOMER_TASKS = [
    "Send renewal quote", "Schedule customer success review", "Follow up on security questionnaire",
    "Send updated order form", "Confirm support contacts", "Share onboarding checklist",
    "Book executive briefing", "Send invoice copy", "Follow up after pilot",
]

EVENT_SUBJECTS = {
    "Meeting": ["Quarterly business review", "Pipeline review", "Joint account planning",
                "Executive sponsor meeting", "Technical enablement workshop", "Deal strategy session",
                "Joint business plan workshop"],
    "Call": ["Weekly partner sync", "Deal review call", "Forecast call", "Check-in call",
             "Escalation follow-up call", "Enablement planning call"],
    "Email": ["Re: deal registration", "Re: MDF claim", "Follow-up: QBR actions",
              "Re: certification vouchers", "Pricing question", "Re: demo environment access",
              "Re: joint campaign assets", "Intro: co-sell contact"],
    "Webinar": ["Joint webinar: Cloud Migration in 90 days", "Co-hosted webinar: Zero Trust for mid-market",
                "Joint event: Data & AI roadshow", "Partner-led webinar: the \"modern\" workplace",
                "Joint customer breakfast briefing"],
    "Other": ["Partner summit booth", "Trade show joint stand", "Co-branded LinkedIn post"],
}
CUSTOMER_EVENTS = [("Meeting", "Customer success review"), ("Call", "Renewal call"),
                   ("Email", "Re: invoice question"), ("Meeting", "Discovery workshop"),
                   ("Call", "Support follow-up")]

CASE_REQUESTS = [
    "Deal registration approval pending", "Need NFR license extension", "Pricing exception request",
    "Cannot access partner portal", "Technical question: migration tooling", "MDF claim status",
    "Request for demo tenant", "Certification voucher request", "Quote support for large deal",
    "Lead assignment question", "Rebate statement missing", "Marketplace listing update",
]
CASE_ESCALATIONS = [
    "Escalation: customer go-live blocked", "Escalation: rebate payment overdue",
    "Escalation: channel conflict on account", "Escalation: support SLA missed",
    "Escalation: licensing error at customer", "Escalation: deal registration rejected, customer waiting",
]

# ---------------------------------------------------------------------------------------------
# Build the accounts
# ---------------------------------------------------------------------------------------------

partners = []
for name, typ, tier, region, arch in PARTNERS:
    if arch == "new":
        since = rand_weekday(END - timedelta(days=118), END - timedelta(days=25))
    elif name in JOINED_IN_WINDOW:
        since = JOINED_IN_WINDOW[name]
    elif arch == "thriving":
        since = rand_weekday(date(2018, 3, 1), date(2022, 6, 30))
    else:
        since = rand_weekday(date(2019, 1, 1), date(2024, 6, 30))
    created = since - timedelta(days=rng.randint(30, 900))
    start = max(WINDOW_START, since)
    partners.append(dict(name=name, type=typ, tier=tier, region=region, arch=arch, since=since,
                         created=created, start=start,
                         show_since=None if name in NO_PARTNER_SINCE else since))

others = []
for name, typ, region in OTHER_ACCOUNTS:
    created = rand_weekday(date(2023, 6, 1), date(2025, 3, 31)) if typ == "Prospect" \
        else rand_weekday(date(2016, 1, 1), date(2023, 12, 31))
    others.append(dict(name=name, type=typ, region=region, created=created))

# End customers: appear only in the opportunity report.
customer_names = []
seen = set()
while len(customer_names) < 150:
    sector = rng.choice(CUSTOMER_SECTOR)
    suffix = rng.choice(CUSTOMER_SUFFIX)
    n = f"{rng.choice(CUSTOMER_FIRST)} {sector}{'' if sector.endswith(NO_SUFFIX) else suffix}"
    base = n.split(",")[0]
    if base in seen:
        continue
    seen.add(base)
    customer_names.append(n)
end_customers = [dict(name=n, type="Customer", region=rng.choice(REGIONS),
                      created=rand_day(date(2015, 1, 1), date(2026, 3, 31))) for n in customer_names]

# Account ids in order of creation (ties broken by name), as an org hands them out.
account_ids = IdMaker("001")
everyone = partners + others + end_customers
for acc in sorted(everyone, key=lambda a: (a["created"], a["name"])):
    acc["id"] = account_ids.next()

# ---------------------------------------------------------------------------------------------
# Activity level over time
# ---------------------------------------------------------------------------------------------


def level(p, d):
    if p["arch"] == "fading" and d >= p["fade"]:
        return 0.08
    if p["arch"] == "vendor-broken" and d >= date(2026, 1, 1):
        return 0.8
    return 1.0


for p in partners:
    p["fade"] = rand_day(FADE_FROM - timedelta(days=40), FADE_FROM + timedelta(days=20))


def weighted_day(p, lo, hi):
    for _ in range(200):
        d = rand_day(lo, hi)
        if rng.random() < level(p, d):
            return d
    return rand_day(lo, hi)


def quarter(d):
    return (d.month - 1) // 3 + 1


# ---------------------------------------------------------------------------------------------
# Tasks (commitments)
# ---------------------------------------------------------------------------------------------

tasks = []   # (due, completed, status, subject, account, side)


def open_status():
    return rng.choices(["Not Started", "In Progress", "Waiting on someone else"], [0.45, 0.35, 0.2])[0]


def make_task(acc, side, subject, due, created, mix):
    kept, late, deferred, _ = mix
    if due > END:
        if rng.random() < 0.25 and created < END:
            return (due, rand_day(created, END), "Completed", subject, acc, side)
        return (due, None, open_status(), subject, acc, side)
    r = rng.random()
    if r < kept:
        done = rand_day(max(created, due - timedelta(days=12)), due)
        return (due, done, "Completed", subject, acc, side)
    if r < kept + late:
        done = due + timedelta(days=rng.randint(1, 35))
        if done <= END:
            return (due, done, "Completed", subject, acc, side)
        return (due, None, open_status(), subject, acc, side)
    if r < kept + late + deferred:
        dropped = min(END, due + timedelta(days=rng.randint(-10, 40)))
        return (due, max(dropped, created), "Deferred", subject, acc, side)
    if mix[3] < 0.1 and (END - due).days > 21:
        # a partnership that keeps its promises does not leave old tasks open: closed late instead
        done = min(END, due + timedelta(days=rng.randint(3, 21)))
        return (due, done, "Completed", subject, acc, side)
    return (due, None, open_status(), subject, acc, side)


for p in partners:
    arch = p["arch"]
    prm = P[arch]
    n = rng.randint(*prm["tasks"])
    subjects_done = 0
    if arch == "new":
        for side, subject in ONBOARDING_TASKS:
            due = p["start"] + timedelta(days=rng.randint(5, 30))
            tasks.append(make_task(p, side, subject, due, p["start"], OUTCOMES[arch][side]))
            subjects_done += 1
    for _ in range(n - subjects_done):
        side = "vendor" if rng.random() < prm["vshare"] else "partner"
        due = weighted_day(p, p["start"] + timedelta(days=10), END + timedelta(days=50))
        created = max(p["start"], due - timedelta(days=rng.randint(7, 45)))
        w = rng.choice(WORKLOADS)
        if side == "vendor":
            subject = rng.choice(VENDOR_TASKS)
        else:
            subject = rng.choice(PARTNER_TASKS).format(q=quarter(due), w=w)
        mix = FADED_OUTCOMES if arch == "fading" and due >= p["fade"] else OUTCOMES[arch][side]
        tasks.append(make_task(p, side, subject, due, created, mix))
    if arch == "fading":   # what was promised before going quiet is left hanging
        for _ in range(rng.randint(2, 4)):
            side = rng.choice(["vendor", "partner", "partner"])
            due = rand_day(p["fade"], END - timedelta(days=20))
            subject = rng.choice(VENDOR_TASKS) if side == "vendor" else \
                rng.choice(PARTNER_TASKS).format(q=quarter(due), w=rng.choice(WORKLOADS))
            tasks.append(make_task(p, side, subject, due, due - timedelta(days=rng.randint(10, 40)), FADED_OUTCOMES))

for _ in range(30):
    acc = rng.choice(others)
    due = rand_day(max(date(2025, 1, 6), acc["created"] + timedelta(days=30)), END + timedelta(days=30))
    side = "partner" if acc["type"] == "Customer - Channel" and rng.random() < 0.3 else "vendor"
    tasks.append(make_task(acc, side, rng.choice(CUSTOMER_TASKS), due,
                           due - timedelta(days=rng.randint(5, 30)), (0.7, 0.15, 0.05, 0.1)))

# ---------------------------------------------------------------------------------------------
# Events (interactions)
# ---------------------------------------------------------------------------------------------

events = []   # (date, subject, type, account, side)


def event_type(arch):
    return rng.choices(["Meeting", "Call", "Email", "Webinar", "Other"],
                       [0.28, 0.30, 0.34, 0.06 if arch in ("thriving", "steady") else 0.03, 0.02])[0]


def add_event(p, d, side=None):
    typ = event_type(p["arch"])
    if typ != "Email":
        d = weekday_on_or_before(d)
        if d < p["start"]:
            return
    if side is None:
        side = "partner" if rng.random() < P[p["arch"]]["q"] else "vendor"
    events.append((d, rng.choice(EVENT_SUBJECTS[typ]), typ, p, side))


for p in partners:
    prm = P[p["arch"]]
    if p["arch"] == "silent":
        for _ in range(rng.randint(2, 4)):
            add_event(p, rand_day(p["start"], END - timedelta(days=20)))
        continue
    week = p["start"]
    while week <= END:
        if rng.random() < prm["week"] * level(p, week):
            k = 1 + (rng.random() < prm["extra"]) + (rng.random() < prm["extra"] / 3)
            for _ in range(k):
                add_event(p, min(END, week + timedelta(days=rng.randint(0, 6))))
        week += timedelta(days=7)

# The last day of evidence: a thriving partner's email on 10/31/2026.
events.append((END, "Re: Q4 joint campaign assets", "Email", partners[0], "partner"))

for _ in range(28):
    acc = rng.choice(others)
    typ, subject = rng.choice(CUSTOMER_EVENTS)
    events.append((weekday_on_or_before(rand_day(max(date(2025, 1, 6), acc["created"] + timedelta(days=7)),
                                                 END - timedelta(days=2))), subject,
                   typ, acc, "vendor"))

# ---------------------------------------------------------------------------------------------
# Cases (partner requests to the vendor, and escalations)
# ---------------------------------------------------------------------------------------------

cases = []   # (opened, subject, escalated, first_response, closed, status, account)

RESPONSE_HOURS = {   # the vendor's first response to a partner's case: (low, high) hours, share never answered
    "thriving": ((0.3, 10), 0.0), "steady": ((1, 40), 0.03), "fading": ((3, 90), 0.08),
    "vendor-broken": ((20, 260), 0.25), "partner-unreliable": ((1, 36), 0.03),
    "new": ((1, 20), 0.0), "silent": ((20, 80), 0.2),
}
RESOLVE_DAYS = {   # escalations: (low, high) days to resolve, share left open
    "thriving": ((1, 9), 0.0), "steady": ((3, 18), 0.1), "fading": ((6, 30), 0.35),
    "vendor-broken": ((12, 60), 0.35), "partner-unreliable": ((5, 25), 0.2),
    "new": ((2, 10), 0.0), "silent": ((10, 30), 0.5),
}


def make_case(acc, arch, opened, escalation):
    subject = rng.choice(CASE_ESCALATIONS if escalation else CASE_REQUESTS)
    (lo, hi), never = RESPONSE_HOURS[arch]
    response = None
    if rng.random() >= never:
        response = in_business_hours(
            opened + timedelta(minutes=int(60 * math.exp(rng.uniform(math.log(lo), math.log(hi))))))
        if response > END_TS:
            response = None
    if response is None:
        return (opened, subject, escalation, None, None, "Escalated" if escalation else "New", acc)
    if escalation:
        (rlo, rhi), left_open = RESOLVE_DAYS[arch]
        closed = None if rng.random() < left_open else \
            response + timedelta(days=rng.uniform(rlo, rhi))
    else:
        closed = response + timedelta(hours=rng.uniform(0.5, 24 * 12))
    if closed is not None:
        closed = in_business_hours(closed)
    if closed is not None and closed > END_TS:
        closed = None
    if closed is None:
        return (opened, subject, escalation, response, None, "Escalated" if escalation else "Working", acc)
    return (opened, subject, escalation, response, closed, "Closed", acc)


for p in partners:
    prm = P[p["arch"]]
    for _ in range(rng.randint(*prm["cases"])):
        d = weekday_on_or_before(weighted_day(p, p["start"] + timedelta(days=7), END))
        cases.append(make_case(p, p["arch"], business_time(max(d, p["start"])), False))
    for _ in range(rng.randint(*prm["esc"])):
        d = weekday_on_or_before(weighted_day(p, p["start"] + timedelta(days=30), END))
        cases.append(make_case(p, p["arch"], business_time(max(d, p["start"])), True))

for _ in range(8):
    acc = rng.choice(others)
    first = max(date(2025, 2, 3), acc["created"] + timedelta(days=7))
    d = weekday_on_or_before(rand_day(first, END - timedelta(days=3)))
    cases.append(make_case(acc, "steady", business_time(d), rng.random() < 0.2))

# ---------------------------------------------------------------------------------------------
# Certifications
# ---------------------------------------------------------------------------------------------

certs = []   # (account, competency, certified, expires)


def cert_chain(p, comp, first, renew):
    """A certification and, when it lapses before END and renew says so, its renewals."""
    d = max(first, p["since"])
    while True:
        expires = None if rng.random() < 0.08 else add_years(d, 2) - timedelta(days=1)
        certs.append((p, comp, d, expires))
        if expires is None or expires > END or not renew(expires):
            return
        d = expires - timedelta(days=rng.randint(0, 45))


for p in partners:
    arch = p["arch"]
    comps = WORKLOADS[:]
    rng.shuffle(comps)
    if arch == "thriving":
        for c in comps[:rng.randint(3, 4)]:
            cert_chain(p, c, rand_day(date(2022, 6, 1), date(2024, 9, 30)), lambda e: True)
    elif arch == "steady":
        for i, c in enumerate(comps[:rng.randint(2, 3)]):
            if i == 0 and p["name"] in ("Nordlys Analyse AS", "Tidewater Integration Group"):
                # expires within 60 days after END: the certification-expiry signal
                d = END - timedelta(days=rng.randint(675, 715))
                certs.append((p, c, d, add_years(d, 2) - timedelta(days=1)))
                continue
            cert_chain(p, c, rand_day(date(2022, 10, 1), date(2024, 10, 31)), lambda e: rng.random() < 0.85)
    elif arch == "fading":
        for i, c in enumerate(comps[:rng.randint(2, 3)]):
            if i < 2:   # lapsed during the window, not renewed
                d = rand_day(date(2023, 1, 10), date(2024, 9, 30))
                certs.append((p, c, max(d, p["since"]), add_years(max(d, p["since"]), 2) - timedelta(days=1)))
            else:
                cert_chain(p, c, rand_day(date(2024, 11, 1), date(2025, 6, 30)), lambda e: False)
    elif arch == "vendor-broken":
        for c in comps[:rng.randint(2, 3)]:
            cert_chain(p, c, rand_day(date(2023, 1, 1), date(2025, 3, 31)), lambda e: True)
    elif arch == "partner-unreliable":
        k = rng.randint(1, 2)
        for i, c in enumerate(comps[:k + 1]):
            if i == 0:   # one lapsed
                d = rand_day(date(2023, 3, 1), date(2024, 8, 31))
                certs.append((p, c, max(d, p["since"]), add_years(max(d, p["since"]), 2) - timedelta(days=1)))
            else:
                cert_chain(p, c, rand_day(date(2024, 6, 1), date(2025, 9, 30)), lambda e: True)
    elif arch == "new":
        if rng.random() < 0.6:
            d = rand_day(p["since"] + timedelta(days=10), END - timedelta(days=3))
            certs.append((p, comps[0], d, add_years(d, 2) - timedelta(days=1)))
    elif arch == "silent":
        if p["since"] < date(2023, 6, 1):
            d = rand_day(max(p["since"], date(2022, 1, 1)), date(2023, 6, 30))
            certs.append((p, comps[0], d, add_years(d, 2) - timedelta(days=1)))

# ---------------------------------------------------------------------------------------------
# Opportunities
# ---------------------------------------------------------------------------------------------

DEALS = {   # deals per partner, win probability, share of stale open deals among the due ones
    "thriving": ((15, 21), 0.62, 0.01), "steady": ((8, 12), 0.46, 0.03),
    "fading": ((8, 12), 0.36, 0.10), "vendor-broken": ((8, 12), 0.34, 0.05),
    "partner-unreliable": ((7, 11), 0.26, 0.12), "new": ((1, 3), 0.3, 0.0),
    "silent": ((0, 2), 0.3, 0.5),
}
OPEN_STAGES = ["Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review"]
customers_by_region = {r: [c for c in end_customers + others if c["region"] == r and c["type"] != "Customer - Direct"]
                       for r in REGIONS}
direct_pool = end_customers + [o for o in others if o["type"] != "Customer - Channel"]

deals = []   # dicts


def make_deal(partner, customer, win_p, stale_p, lo):
    lo = max(lo, customer["created"])
    created = weighted_day(partner, lo, END - timedelta(days=3)) if partner else rand_day(lo, END - timedelta(days=3))
    cycle = int(math.exp(rng.uniform(math.log(14), math.log(200))))
    close = created + timedelta(days=cycle)
    amount = None if rng.random() < 0.025 else \
        round(min(600000, max(2000, math.exp(rng.gauss(math.log(32000), 0.95)))) / 250) * 250
    if close <= END and not (rng.random() < stale_p):
        won = rng.random() < win_p and customer["type"] != "Prospect"
        stage = "Closed Won" if won else "Closed Lost"
    else:
        # open: expected close in the future, or (stale) in the past and never updated
        if close <= END:
            stage = rng.choice(OPEN_STAGES[1:])
        else:
            progress = (END - created).days / max(1, (close - created).days)
            stage = OPEN_STAGES[min(4, max(0, int(progress * 5 + rng.uniform(-1, 1))))]
    if partner:
        source = rng.choices(["Partner Referral", "Co-Sell", "Vendor Referral", "Web", "Trade Show"],
                             [0.48, 0.22, 0.17, 0.08, 0.05])[0]
    else:
        source = rng.choices(["Web", "Trade Show"], [0.65, 0.35])[0]   # no partner: no referral either way
    deals.append(dict(partner=partner, customer=customer, created=created, close=close, stage=stage,
                      amount=amount, source=source, workload=rng.choice(WORKLOADS),
                      region=partner["region"] if partner else customer["region"]))


for p in partners:
    (lo_n, hi_n), win_p, stale_p = DEALS[p["arch"]]
    pool_same = customers_by_region[p["region"]]
    pool_all = end_customers + [o for o in others if o["type"] != "Customer - Direct"]
    for _ in range(rng.randint(lo_n, hi_n)):
        customer = rng.choice(pool_same) if rng.random() < 0.85 else rng.choice(pool_all)
        make_deal(p, customer, win_p, stale_p, p["start"])

for o in others:   # every customer and prospect account has at least one deal
    if o["type"] == "Customer - Channel":
        p = rng.choice([p for p in partners if p["region"] == o["region"] and p["arch"] in ("thriving", "steady")])
        make_deal(p, o, DEALS[p["arch"]][1], 0.0, p["start"])
    else:
        make_deal(None, o, 0.35, 0.0, WINDOW_START)
for _ in range(105):
    make_deal(None, rng.choice(direct_pool), 0.3, 0.02, WINDOW_START)

# Type (hunting or farming) from each customer's history: existing customers (a won deal before
# this one was created, or a customer before the window) buy upgrades, replacements, downgrades.
NAME_BY_TYPE = {
    "New Customer": ["Pilot", "Initial Deployment", "Assessment", "Proof of Concept"],
    "Existing Customer - Upgrade": ["Expansion", "Add-on Seats", "Premium Upgrade"],
    "Existing Customer - Replacement": ["Renewal", "Platform Replacement"],
    "Existing Customer - Downgrade": ["Renewal (reduced)", "Seat Reduction"],
}
by_customer = {}
for d in deals:
    by_customer.setdefault(d["customer"]["name"], []).append(d)
for name in sorted(by_customer):
    history = sorted(by_customer[name], key=lambda d: (d["created"], d["close"]))
    legacy = history[0]["customer"]["type"] in ("Customer - Direct", "Customer - Channel")
    for d in history:
        won_before = any(o["stage"] == "Closed Won" and o["close"] < d["created"] for o in history)
        if legacy or won_before:
            d["type"] = rng.choices(["Existing Customer - Upgrade", "Existing Customer - Replacement",
                                     "Existing Customer - Downgrade"], [0.55, 0.32, 0.13])[0]
        else:
            d["type"] = "New Customer"
        d["name"] = f"{name} - {d['workload']} {rng.choice(NAME_BY_TYPE[d['type']])}"
        if d["type"] == "Existing Customer - Downgrade" and d["amount"]:
            d["amount"] = max(2000, round(d["amount"] * 0.4 / 250) * 250)

# ---------------------------------------------------------------------------------------------
# Deliveries (from the partners' won deals)
# ---------------------------------------------------------------------------------------------

DELIVERY_KIND = {
    "Cloud Migration": ["Cloud landing zone build", "Cloud migration wave {n}", "Datacenter exit",
                        "\"Lift and shift\" of ERP"],
    "Security": ["Zero trust rollout", "SOC onboarding", "Identity hardening", "Security assessment, phase {n}"],
    "Data & AI": ["Data platform build", "AI assistant pilot", "Analytics modernization", "ML forecasting model"],
    "Modern Workplace": ["Device management rollout", "Collaboration migration", "Intranet rebuild",
                         "Frontline worker rollout"],
}
QUALITY = {   # on-time probability, CSAT weights for 1..5
    "thriving": (0.92, [0, 0.01, 0.05, 0.34, 0.60]), "steady": (0.80, [0.01, 0.04, 0.18, 0.47, 0.30]),
    "fading": (0.70, [0.03, 0.08, 0.30, 0.39, 0.20]), "vendor-broken": (0.82, [0.01, 0.05, 0.20, 0.44, 0.30]),
    "partner-unreliable": (0.38, [0.12, 0.30, 0.33, 0.18, 0.07]), "new": (0.8, [0, 0.05, 0.25, 0.45, 0.25]),
    "silent": (0.6, [0.05, 0.15, 0.40, 0.30, 0.10]),
}
deliveries = []   # (account, project, completed, on_time, csat)


def add_delivery(p, customer, workload, done):
    on_time_p, csat_w = QUALITY[p["arch"]]
    kind = rng.choice(DELIVERY_KIND[workload]).format(n=rng.randint(1, 3))
    on_time = rng.random() < on_time_p
    csat = rng.choices([1, 2, 3, 4, 5], csat_w)[0]
    if not on_time and csat > 3 and rng.random() < 0.6:
        csat -= 1
    deliveries.append((p, f"{customer['name']}: {kind}", weekday_on_or_before(done), "Yes" if on_time else "No", csat))


# Projects that follow the partners' won deals ...
for d in sorted(deals, key=lambda d: (d["close"], d["name"])):
    p = d["partner"]
    if not p or d["stage"] != "Closed Won" or p["type"] == DISTI:
        continue
    if rng.random() > (0.5 if p["type"] == TECH else 0.78):
        continue
    done = d["close"] + timedelta(days=rng.randint(25, 160))
    if done > END or (p["arch"] == "fading" and done >= p["fade"] and rng.random() < 0.7):
        continue
    add_delivery(p, d["customer"], d["workload"], done)

# ... and services work for the installed base (no new deal behind it).
SERVICES = {"thriving": (1, 3), "steady": (1, 2), "fading": (1, 2), "vendor-broken": (1, 2),
            "partner-unreliable": (3, 5), "new": (0, 0), "silent": (0, 1)}
for p in partners:
    if p["type"] == DISTI:
        continue
    own = sorted({d["customer"]["name"]: d["customer"] for d in deals if d["partner"] is p}.items())
    if not own:
        continue
    for _ in range(rng.randint(*SERVICES[p["arch"]])):
        done = weighted_day(p, p["start"] + timedelta(days=60), END)
        add_delivery(p, rng.choice(own)[1], rng.choice(WORKLOADS), done)

# ---------------------------------------------------------------------------------------------
# Joint business plans, reviews and goals
# ---------------------------------------------------------------------------------------------

PLAN = {   # plan created (from, to), review gap days (lo, hi), alignment start (lo, hi), drift per review, share empty
    "thriving": ((date(2024, 9, 2), date(2025, 1, 31)), (82, 100), (55, 70), (1, 5), 0.08),
    "steady": ((date(2024, 11, 4), date(2025, 4, 30)), (95, 140), (40, 58), (-3, 4), 0.15),
    "fading": ((date(2024, 10, 1), date(2025, 2, 28)), (85, 110), (45, 60), (-6, 1), 0.12),
    "vendor-broken": ((date(2025, 1, 6), date(2025, 5, 30)), (120, 200), (35, 50), (-6, 1), 0.15),
    "partner-unreliable": ((date(2024, 12, 2), date(2025, 6, 30)), (100, 180), (20, 38), (-4, 3), 0.3),
    "silent": ((date(2025, 3, 10), date(2025, 6, 30)), (600, 700), (20, 40), (0, 0), 0.0),
}
GOALS = [   # template, unit, target range, step
    ("Build joint pipeline", "USD pipeline", (250000, 2000000), 50000),
    ("Certify engineers on {w}", "certified engineers", (2, 10), 1),
    ("Win new logos in {w}", "new logos", (3, 12), 1),
    ("Close partner-sourced bookings", "USD bookings", (100000, 1000000), 25000),
    ("Run joint marketing campaigns", "campaigns", (2, 6), 1),
    ("Publish customer case studies", "case studies", (1, 4), 1),
]
VAGUE_GOALS = ["Improve deal registration hygiene", "Strengthen executive relationship",
               "Raise brand awareness in region", "Expand {w} practice", "Grow managed services attach"]
PACE = {   # progress relative to the elapsed share of the period, by goal owner
    "thriving": {"Vendor": (0.9, 1.2), "Partner": (0.9, 1.2), "Joint": (0.95, 1.25)},
    "steady": {"Vendor": (0.7, 1.0), "Partner": (0.65, 1.0), "Joint": (0.7, 1.05)},
    "fading": {"Vendor": (0.5, 0.8), "Partner": (0.4, 0.75), "Joint": (0.45, 0.8)},
    "vendor-broken": {"Vendor": (0.15, 0.45), "Partner": (0.8, 1.05), "Joint": (0.4, 0.7)},
    "partner-unreliable": {"Vendor": (0.8, 1.05), "Partner": (0.15, 0.45), "Joint": (0.35, 0.65)},
    "new": {"Vendor": (0.8, 1.1), "Partner": (0.8, 1.1), "Joint": (0.8, 1.1)},
    "silent": {"Vendor": (0.2, 0.5), "Partner": (0.1, 0.4), "Joint": (0.1, 0.4)},
}
JOINT_SHARE = {"thriving": 0.6, "steady": 0.35, "fading": 0.25, "vendor-broken": 0.2,
               "partner-unreliable": 0.2, "new": 0.3, "silent": 0.0}

reviews = []   # (account, plan_created, review_day or None, alignment or None)
checkins = []  # (account, goal, owner, target, unit, start, due, checkin_day, progress)


def make_goals(p, plan_created, last_active):
    arch = p["arch"]
    n_goals = {"thriving": (3, 5), "steady": (3, 4), "fading": (2, 3), "vendor-broken": (3, 3),
               "partner-unreliable": (3, 4), "new": (1, 2), "silent": (1, 1)}[arch]
    used = set()
    for _ in range(rng.randint(*n_goals)):
        vague = rng.random() < (0.12 if arch == "thriving" else 0.3 if arch != "partner-unreliable" else 0.5)
        w = rng.choice(WORKLOADS)
        start = rand_day(plan_created, min(END - timedelta(days=20), plan_created + timedelta(days=240)))
        due = start + timedelta(days=rng.choice([180, 270, 365]))
        if vague:
            title = rng.choice(VAGUE_GOALS).format(w=w)
            target = unit = None
            show_start = None if rng.random() < 0.3 else start
            show_due = None if rng.random() < 0.5 else due
        else:
            tpl, unit, (tlo, thi), step = rng.choice(GOALS)
            title = tpl.format(w=w)
            target = rng.randrange(tlo, thi + 1, step)
            show_start, show_due = start, due
        title = f"{title} (FY{due.year % 100})"
        if title in used:
            continue
        used.add(title)
        owner = "Joint" if rng.random() < JOINT_SHARE[arch] else rng.choice(["Vendor", "Partner"])
        lo, hi = PACE[arch][owner]
        pace = rng.uniform(lo, hi)
        progress = 0
        d = start + timedelta(days=rng.randint(20, 40))
        stop = min(END, last_active, due + timedelta(days=30))
        while d <= stop:
            elapsed = min(1.0, (d - start).days / (due - start).days)
            target_progress = min(100, int(round(100 * elapsed * pace + rng.uniform(-4, 4))))
            progress = max(progress, max(0, target_progress))
            checkins.append((p, title, owner, target, unit, show_start, show_due, d, progress))
            if progress >= 100:
                break
            d += timedelta(days=rng.randint(40, 70) if arch in ("thriving", "steady") else rng.randint(55, 100))


for p in partners:
    arch = p["arch"]
    if p["name"] in PLAN_LESS:
        continue
    if arch == "new":
        created = rand_day(p["start"] + timedelta(days=14), END - timedelta(days=10))
        if p["name"] == "Starling Vale Partners":
            reviews.append((p, created, None, None))   # a plan with no review yet
            continue
        review = rand_day(created + timedelta(days=3), END)
        reviews.append((p, created, review, None))
        make_goals(p, created, END)
        continue
    (c_lo, c_hi), (g_lo, g_hi), (a_lo, a_hi), (d_lo, d_hi), empty = PLAN[arch]
    created = rand_day(max(c_lo, p["start"]), max(c_hi, p["start"] + timedelta(days=30)))
    last_active = p["fade"] - timedelta(days=rng.randint(30, 90)) if arch == "fading" else END
    alignment = rng.randint(a_lo, a_hi)
    review = created + timedelta(days=rng.randint(20, 60))
    while review <= last_active:
        shown = None if rng.random() < empty else alignment
        reviews.append((p, created, review, shown))
        alignment = max(0, min(95, alignment + rng.randint(d_lo, d_hi)))
        review += timedelta(days=rng.randint(g_lo, g_hi))
    make_goals(p, created, last_active)

# ---------------------------------------------------------------------------------------------
# Write the files
# ---------------------------------------------------------------------------------------------

os.makedirs(OUT_DIR, exist_ok=True)
SIDE = {"vendor": "Standard", "partner": "PowerPartner"}

rows = []
for a in sorted(partners + others, key=lambda a: a["name"]):
    rows.append([a["id"], a["name"], a["type"], a.get("tier", ""), a["region"],
                 fmt_date(a.get("show_since")), fmt_date(a["created"])])
counts = {}
counts["accounts.csv"] = write_csv(
    "accounts.csv",
    ["Account ID", "Account Name", "Type", "Partner Tier", "Region", "Partner Since", "Created Date"], rows)

ids = IdMaker("00T")
rows = []
for due, done, status, subject, acc, side in sorted(tasks, key=lambda t: (t[0], t[4]["id"], t[3])):
    rows.append([ids.next(), acc["id"], subject, fmt_date(due), status, fmt_date(done), SIDE[side]])
counts["tasks.csv"] = write_csv(
    "tasks.csv", ["Activity ID", "Account ID", "Subject", "Due Date", "Status", "Completed Date",
                  "Assigned User Type"], rows)

ids = IdMaker("00U")
rows = []
for d, subject, typ, acc, side in sorted(events, key=lambda e: (e[0], e[3]["id"], e[2], e[1])):
    rows.append([ids.next(), acc["id"], subject, fmt_date(d), typ, SIDE[side]])
counts["events.csv"] = write_csv(
    "events.csv", ["Activity ID", "Account ID", "Subject", "Date", "Type", "Assigned User Type"], rows)

ids = IdMaker("500")
rows = []
for opened, subject, esc, response, closed, status, acc in sorted(cases, key=lambda c: (c[0], c[6]["id"])):
    rows.append([ids.next(), acc["id"], subject, "1" if esc else "0", fmt_ts(opened), fmt_ts(response),
                 fmt_ts(closed), status])
counts["cases.csv"] = write_csv(
    "cases.csv", ["Case ID", "Account ID", "Subject", "Escalated", "Date/Time Opened", "First Response",
                  "Date/Time Closed", "Status"], rows)

rows = [[p["id"], comp, fmt_date(d), fmt_date(e)]
        for p, comp, d, e in sorted(certs, key=lambda c: (c[0]["id"], c[2], c[1]))]
counts["certifications.csv"] = write_csv(
    "certifications.csv", ["Account ID", "Certification", "Certified Date", "Expiration Date"], rows)

rows = [[p["id"], name, fmt_date(d), on_time, str(csat)]
        for p, name, d, on_time, csat in sorted(deliveries, key=lambda x: (x[2], x[0]["id"], x[1]))]
counts["deliveries.csv"] = write_csv(
    "deliveries.csv", ["Account ID", "Project Name", "Completion Date", "Delivered On Time", "CSAT"], rows)

rows = [[p["id"], fmt_date(c), fmt_date(r), "" if a is None else str(a)]
        for p, c, r, a in sorted(reviews, key=lambda x: (x[0]["id"], x[2] or x[1]))]
counts["plan-reviews.csv"] = write_csv(
    "plan-reviews.csv", ["Account ID", "Plan Created", "Review Date", "Business Alignment %"], rows)

rows = [[p["id"], goal, owner, "" if target is None else str(target), unit or "", fmt_date(s), fmt_date(due),
         fmt_date(d), str(progress)]
        for p, goal, owner, target, unit, s, due, d, progress
        in sorted(checkins, key=lambda x: (x[0]["id"], x[1], x[7]))]
counts["goal-checkins.csv"] = write_csv(
    "goal-checkins.csv", ["Account ID", "Goal", "Goal Owner", "Target", "Unit", "Start Date", "Due Date",
                          "Check-in Date", "Progress %"], rows)

ids = IdMaker("006")
rows = []
for d in sorted(deals, key=lambda d: (d["created"], d["customer"]["id"], d["name"])):
    p = d["partner"]
    rows.append([ids.next(), d["name"], d["customer"]["id"], d["customer"]["name"], d["stage"],
                 fmt_amount(d["amount"]), fmt_date(d["close"]), fmt_date(d["created"]), d["type"],
                 d["source"], p["id"] if p else "", d["region"]])
counts["opportunities.csv"] = write_csv(
    "opportunities.csv", ["Opportunity ID", "Opportunity Name", "Account ID", "Account Name", "Stage", "Amount",
                          "Close Date", "Created Date", "Type", "Lead Source", "Partner Account ID",
                          "Owner Region"], rows)

for name, n in counts.items():
    print(f"{name:22} {n:5} rows")
