#!/usr/bin/env python3
"""What row-level security costs, in bare SQL (docs/benchmarks.md, "Row-level security").

Runs each product query of a few operations N times with EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON),
once as the tables' owner (no row-level security) and once in a transaction scoped as the app's
transaction manager scopes it (set_config('role', ...), app.role, app.partner_id), and prints the
median of planning + execution time for each. Needs psql and a running database:

  PGHOST=127.0.0.1 PGPORT=... PGUSER=postgres PGPASSWORD=... PGDATABASE=... rls_cost.py [runs] [--explain]

The data set decides the parameters (a CRPK person with group memberships, with a restricted need if any, the generator's
bench.* accounts or the demo accounts).
"""
import json
import os
import statistics
import subprocess
import sys

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 13
SHOW = "--explain" in sys.argv
# --prepared: PREPARE once per session, then EXECUTE (as pgjdbc does after prepareThreshold uses:
# the plan is cached, generic after five custom plans); 5 extra warm-up runs.
PREPARED = "--prepared" in sys.argv


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return out.strip()


def scalar(sql):
    return psql(sql).splitlines()[0]


crpk = int(scalar("select id from partner where code = 'CRPK'"))
lawyer = scalar("select username from user_account where partner_id = %d and role = 'PARTNER_LAWYER'"
                " order by username = 'bench.lawyer.crpk' desc, username = 'lawyer.crpk' desc, username limit 1" % crpk)
person = int(scalar("select p.id from person p where p.registered_by_partner = %d and p.merged_into_id is null"
                    " and exists (select 1 from person_group g where g.person_id = p.id)"
                    " order by exists (select 1 from specific_need n where n.person_id = p.id"
                    " and n.need_code in ('SGBV_SURVIVOR', 'TORTURE_SURVIVOR')) desc, p.id limit 1" % crpk))
case_id = int(scalar("select id from protection_case where owning_partner = %d order by id desc limit 1" % crpk))
name = scalar("select given_name || ' ' || family_name from person where id = %d" % person)

PARTNER_VISIBLE = ("(p.registered_by_partner = {p} or exists (select 1 from person_access a"
                   " where a.person_id = p.id and a.partner_id = {p}))").format(p=crpk)
PEOPLE_COLUMNS = ("select p.id, p.registration_no, p.given_name, p.family_name, p.sex, p.birth_date, p.birth_precision,"
                  " p.community, p.municipality_code, p.registered_by_partner from person p")
NAME_MATCHES = ("with n as materialized (select search_name, greatest(similarity(search_name, pc_fold('{q}')),"
                " word_similarity(pc_fold('{q}'), search_name)) as score from person_name"
                " where search_name % pc_fold('{q}') or pc_fold('{q}') <% search_name order by score desc) ").format(q=name.replace("'", "''"))
CASE_PAGE = ("select c.id, c.case_no, c.case_type, c.principal_person_id, c.owning_partner, c.assigned_to, c.priority,"
             " c.status, c.opened_on, c.next_action_date, c.closed_on, c.outcome,"
             " p.registration_no || ' ' || p.given_name || ' ' || p.family_name as person_label"
             " from protection_case c join person p on p.id = c.principal_person_id")
SESSION_PAGE = ("select s.id, s.case_id, c.case_no, s.person_id, p.given_name || ' ' || p.family_name as label,"
                " p.registration_no, s.counsellor, s.held_at, s.duration_minutes, s.mode, s.aid_type, s.follow_up_on,"
                " (select string_agg(t.topic, ',' order by t.topic) from counselling_session_topic t"
                " where t.session_id = s.id and (t.topic not in ('SGBV') or s.owning_partner = {p})) as topics"
                " from counselling_session s join protection_case c on c.id = s.case_id join person p on p.id = s.person_id"
                " where (s.owning_partner = {p} or c.owning_partner = {p}) order by s.held_at desc, s.id desc limit 50").format(p=crpk)

LAWYER = ("pc_partner", "PARTNER_LAWYER", crpk)
COORDINATOR = ("pc_partner", "PARTNER_COORDINATOR", crpk)
MANAGER = ("pc_manager", "UNHCR_MANAGER", crpk)

# (operation, user, [statements the product runs for it])
OPERATIONS = [
    ("person page (person, needs, groups, consents, documents, household)", LAWYER, [
        "select * from person where id = %d" % person,
        "select * from specific_need where person_id = %d" % person,
        "select * from person_group where person_id = %d" % person,
        "select * from consent where person_id = %d" % person,
        "select * from civil_document where person_id = %d" % person,
        "select * from household_member where person_id = %d" % person]),
    ("people list, first page", LAWYER, [
        PEOPLE_COLUMNS + " where p.merged_into_id is null and " + PARTNER_VISIBLE + " order by p.id desc limit 50 offset 0"]),
    ("people list, count", LAWYER, [
        "select count(*) from person p where p.merged_into_id is null and " + PARTNER_VISIBLE]),
    ("people list, first page", MANAGER, [
        PEOPLE_COLUMNS + " where p.merged_into_id is null order by p.id desc limit 50 offset 0"]),
    ("people list, count", MANAGER, ["select count(*) from person p where p.merged_into_id is null"]),
    ("fuzzy people search, first page", LAWYER, [
        NAME_MATCHES + ", hits as (select p.id, n.score from n cross join lateral (select p.id from person p"
        " where p.merged_into_id is null and " + PARTNER_VISIBLE + " and p.search_name = n.search_name"
        " order by p.id desc limit 50) p order by n.score desc, p.id desc limit 50 offset 0) "
        + PEOPLE_COLUMNS + " join hits h on h.id = p.id order by h.score desc, p.id desc"]),
    ("case list, first page (my cases)", LAWYER, [
        CASE_PAGE + " where c.owning_partner = %d and c.assigned_to = '%s' order by c.id desc limit 50 offset 0" % (crpk, lawyer)]),
    ("case list, first page (partner's cases)", COORDINATOR, [
        CASE_PAGE + " where c.owning_partner = %d order by c.id desc limit 50 offset 0" % crpk]),
    ("case list, count (partner's cases)", COORDINATOR, [
        "select count(*) from protection_case c where c.owning_partner = %d" % crpk]),
    ("case page (case, timeline, members, referrals, transfers)", LAWYER, [
        "select * from protection_case where id = %d" % case_id,
        "select from_status, to_status, reason, changed_by, changed_at from case_status_change where case_id = %d order by changed_at, id" % case_id,
        "select m.person_id, p.registration_no from case_member m join person p on p.id = m.person_id where m.case_id = %d" % case_id,
        "select * from referral where case_id = %d" % case_id,
        "select t.*, c.case_no from case_transfer t join protection_case c on c.id = t.case_id join person p on p.id = c.principal_person_id where t.case_id = %d" % case_id]),
    ("session list, first page", LAWYER, [SESSION_PAGE]),
    ("factsheet: asylum seekers in 2019", MANAGER, [
        "select count(*) from (select distinct g.person_id from person_group g where g.group_code = 'ASYLUM_SEEKER'"
        " and g.start_date <= date '2019-12-31' and (g.end_date is null or g.end_date >= date '2019-01-01')) d"
        " where true and not exists (select 1 from person m where m.id = d.person_id and m.merged_into_id is not null)"]),
    ("factsheet: returnees since 2000 by community and sex", MANAGER, [
        "select p.community as k, p.sex, count(*) as n from person p where p.id in (select r.person_id from return_event r"
        " where r.return_date between date '2000-01-01' and date '2019-12-31') and p.merged_into_id is null group by 1, 2"]),
    ("factsheet: returnees since 2000 by community and sex", LAWYER, [
        "select p.community as k, p.sex, count(*) as n from person p where p.id in (select r.person_id from return_event r"
        " where r.return_date between date '2000-01-01' and date '2019-12-31') and p.merged_into_id is null and "
        + PARTNER_VISIBLE + " group by 1, 2"]),
]


def scope_sql(user):
    """As the app's transaction manager scopes a transaction, signature included (computed here as the
    owner, who may read the key, before the role switch)."""
    role, app_role, partner = user
    signed = "%s|%s|%d" % (role, app_role, partner)
    return ("select set_config('app.scope_sig', encode(sha256(k.outer_key || sha256(k.inner_key || convert_to('%s', 'UTF8'))), 'hex'),"
            " true) from pc_secret.scope_key k;"
            " select set_config('role', '%s', true), set_config('app.role', '%s', true),"
            " set_config('app.partner_id', '%d', true);" % (signed, role, app_role, partner))


def timings(statement, user):
    """Medians of planning + execution (ms) over RUNS, each in its own transaction, after one warm-up."""
    script = []
    warmup = 6 if PREPARED else 1
    if PREPARED:
        script.append("prepare q as " + statement + ";")
    for i in range(RUNS + warmup):
        script.append("begin;")
        if user is not None:
            script.append("\\o /dev/null")
            script.append(scope_sql(user))
            script.append("\\o")
        script.append("explain (analyze, buffers, format json) " + ("execute q" if PREPARED else statement) + ";")
        script.append("commit;")
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"], input="\n".join(script),
                         check=True, capture_output=True, text=True).stdout
    plans = _plans(out)
    plan_ms = statistics.median(p[0]["Planning Time"] for p in plans[warmup:])
    exec_ms = statistics.median(p[0]["Execution Time"] for p in plans[warmup:])
    return (plan_ms, exec_ms), plans[-1]


def _plans(out):
    plans, buf = [], []
    for line in out.splitlines():
        if line.startswith("[") and buf:
            plans.append(json.loads("\n".join(buf)))
            buf = []
        if line.startswith("[") or buf:
            buf.append(line)
    if buf:
        plans.append(json.loads("\n".join(buf)))
    return [p for p in plans if isinstance(p, list) and p and "Plan" in p[0]]


load = open("/proc/loadavg").read().split()[:3]
people = scalar("select count(*) from person")
print("data: %s people; CRPK=%d, lawyer %s, person %d, case %d; %d runs%s; load average before: %s"
      % (people, crpk, lawyer, person, case_id, RUNS, ", prepared" if PREPARED else "", " ".join(load)))
print("| operation | role | without RLS: planning + execution (ms) | with RLS: planning + execution (ms) | ratio (total) | ratio (execution) |")
print("|---|---|---:|---:|---:|---:|")
for name_, user, statements in OPERATIONS:
    op = oe = rp = re_ = 0.0
    for s in statements:
        (p1, e1), _ = timings(s, None)
        (p2, e2), plan = timings(s, user)
        op, oe, rp, re_ = op + p1, oe + e1, rp + p2, re_ + e2
        if SHOW:
            print(json.dumps(plan[0]["Plan"], indent=1)[:6000], file=sys.stderr)
    print("| %s | %s | %.2f + %.2f = %.2f | %.2f + %.2f = %.2f | %.2f | %.2f |"
          % (name_, user[1], op, oe, op + oe, rp, re_, rp + re_, (rp + re_) / (op + oe), re_ / oe if oe else float("nan")))
print("load average after: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
