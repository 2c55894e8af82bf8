-- tekser fleet, schema version 1: runs, results, findings as the model has them, partitioned by day;
-- the per-probe state of every target (what the reports read), and the functions probes push through.
-- Applied by src/fleet/migrate.ts in one transaction, recorded in tekser_fleet.migrations.

-- One row per run a probe pushed. The probe is the database role that pushed it (session_user),
-- never a value the probe sends. Unique on (started_at, probe, run_id): a run pushed twice is stored once.
CREATE TABLE tekser_fleet.runs (
  started_at     timestamptz NOT NULL,
  probe          text        NOT NULL,
  run_id         text        NOT NULL,
  finished_at    timestamptz,
  status         text        NOT NULL,
  tekser_version text        NOT NULL,
  network        text        NOT NULL,  -- how reports name the network (name, else ASN, else "unknown network")
  network_asn    bigint,
  network_cc     text,
  network_name   text,
  targets        integer     NOT NULL,
  measured       integer     NOT NULL,
  summary        jsonb,
  settings       jsonb,
  control_check  jsonb,
  pushed_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (started_at, probe, run_id)
) PARTITION BY RANGE (started_at);

-- One row per target of a run: the verdict's fields as columns, the target and the observations
-- (the stored measurement) as JSONB, since they vary by kind.
CREATE TABLE tekser_fleet.results (
  started_at       timestamptz NOT NULL,  -- the run's start (the partition key)
  probe            text        NOT NULL,
  run_id           text        NOT NULL,
  network          text        NOT NULL,
  target_key       text        NOT NULL,  -- the URL, or service:<id>
  label            text        NOT NULL,
  kind             text        NOT NULL,  -- web | service
  status           text        NOT NULL,  -- model VERDICT_STATUSES
  method           text,                  -- model BLOCKING_METHODS
  reason           text        NOT NULL,
  dns_consistency  text,
  blockpage        text,                  -- the matching fingerprint
  untrusted_issuer text,
  interception_ca  text,
  sni_proof        text,
  verdict_detail   jsonb       NOT NULL,  -- the rest of the verdict: evidence, comparisons, service checks
  target           jsonb       NOT NULL,
  measurement      jsonb       NOT NULL
) PARTITION BY RANGE (started_at);
-- A run's results (diff --from). Reports read target_state, not results: no other index to keep up.
CREATE INDEX ON tekser_fleet.results (probe, run_id);

CREATE TABLE tekser_fleet.findings (
  started_at timestamptz NOT NULL,
  probe      text        NOT NULL,
  run_id     text        NOT NULL,
  network    text        NOT NULL,
  kind       text        NOT NULL,  -- model FINDING_KINDS
  title      text        NOT NULL,
  details    jsonb       NOT NULL,
  targets    jsonb       NOT NULL
) PARTITION BY RANGE (started_at);
CREATE INDEX ON tekser_fleet.findings (network, started_at);

-- What each probe last saw of each target, and since when: kept by push_results, so a report over
-- any span reads a few rows per target and network, not every result.
CREATE TABLE tekser_fleet.target_state (
  probe      text        NOT NULL,
  target_key text        NOT NULL,
  network    text        NOT NULL,
  label      text        NOT NULL,
  status     text        NOT NULL,
  method     text,
  reason     text        NOT NULL,
  since      timestamptz NOT NULL,  -- the first run in a row with this status and method
  last_seen  timestamptz NOT NULL,
  run_id     text        NOT NULL,
  PRIMARY KEY (probe, target_key)
);
CREATE INDEX ON tekser_fleet.target_state (last_seen);

-- Every change of a target's status or method on a probe, in run order.
CREATE TABLE tekser_fleet.state_changes (
  at          timestamptz NOT NULL,
  probe       text        NOT NULL,
  network     text        NOT NULL,
  target_key  text        NOT NULL,
  label       text        NOT NULL,
  from_status text        NOT NULL,
  from_method text,
  to_status   text        NOT NULL,
  to_method   text,
  run_id      text        NOT NULL
);
CREATE INDEX ON tekser_fleet.state_changes (at);

-- Optional: a probe role bound to a network. A role listed here may push only runs labelled with
-- this network; a role not listed may push any label.
CREATE TABLE tekser_fleet.probe_networks (
  role         text PRIMARY KEY,
  network_asn  bigint,
  network_cc   text,
  network_name text
);

-- The day's partitions of runs, results and findings, made when the first run of that day arrives.
CREATE FUNCTION tekser_fleet.ensure_day(p_at timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  d date := (p_at AT TIME ZONE 'UTC')::date;
  t text;
BEGIN
  IF to_regclass(format('tekser_fleet.results_%s', to_char(d, 'YYYYMMDD'))) IS NOT NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('tekser_fleet.ensure_day'));
  FOREACH t IN ARRAY ARRAY['runs', 'results', 'findings'] LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS tekser_fleet.%I PARTITION OF tekser_fleet.%I FOR VALUES FROM (%L) TO (%L)',
      t || '_' || to_char(d, 'YYYYMMDD'), t, (d::timestamp AT TIME ZONE 'UTC'), ((d + 1)::timestamp AT TIME ZONE 'UTC'));
  END LOOP;
END $$;

-- Starts pushing a run: true when it is new (then push_results follows in the same
-- transaction), false when this probe pushed it before (nothing is written).
CREATE FUNCTION tekser_fleet.push_run(p_run jsonb) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_started timestamptz := (p_run->>'startedAt')::timestamptz;
  v_asn bigint := nullif(regexp_replace(coalesce(p_run#>>'{network,asn}', ''), '^AS', '', 'i'), '')::bigint;
  v_cc text := p_run#>>'{network,country}';
  v_name text := p_run#>>'{network,name}';
  v_network text := coalesce(v_name, CASE WHEN v_asn IS NOT NULL THEN 'AS' || v_asn || coalesce(' (' || v_cc || ')', '') END, 'unknown network');
  n integer;
BEGIN
  IF EXISTS (SELECT 1 FROM tekser_fleet.probe_networks b WHERE b.role = session_user)
     AND NOT EXISTS (SELECT 1 FROM tekser_fleet.probe_networks b WHERE b.role = session_user
       AND b.network_asn IS NOT DISTINCT FROM v_asn AND b.network_cc IS NOT DISTINCT FROM v_cc AND b.network_name IS NOT DISTINCT FROM v_name) THEN
    RAISE EXCEPTION 'role % may push only runs from its own network', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM tekser_fleet.ensure_day(v_started);
  INSERT INTO tekser_fleet.runs (started_at, probe, run_id, finished_at, status, tekser_version, network, network_asn, network_cc, network_name, targets, measured, summary, settings, control_check)
  VALUES (v_started, session_user, p_run->>'id', (p_run->>'finishedAt')::timestamptz, p_run->>'status', p_run->>'tekserVersion', v_network, v_asn, v_cc, v_name,
          (p_run->>'targets')::integer, (p_run->>'measured')::integer, p_run->'summary', p_run->'settings', p_run->'controlCheck')
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 0 THEN RETURN false; END IF;
  INSERT INTO tekser_fleet.findings (started_at, probe, run_id, network, kind, title, details, targets)
  SELECT v_started, session_user, p_run->>'id', v_network, f->>'kind', f->>'title', coalesce(f->'details', '[]'), coalesce(f->'targets', '[]')
  FROM jsonb_array_elements(coalesce(p_run->'findings', '[]')) AS f;
  RETURN true;
END $$;

-- The run this transaction started with push_run, or an error: results go only into a run that is
-- being pushed now, by the role pushing it.
CREATE FUNCTION tekser_fleet.run_in_push(p_run_id text, p_started timestamptz) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_network text;
BEGIN
  SELECT r.network INTO v_network FROM tekser_fleet.runs r
  WHERE r.started_at = p_started AND r.probe = session_user AND r.run_id = p_run_id AND r.xmin = pg_current_xact_id()::xid;
  IF v_network IS NULL THEN
    RAISE EXCEPTION 'run % is not being pushed in this transaction by %', p_run_id, session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN v_network;
END $$;

-- A batch of a run's results: a JSON array of stored results, each as measurements.jsonl has it
-- (model targetResultSchema). The verdict's fields people query become columns; lines that are not a
-- result of this schema are skipped. In the same statement, each target's state on this probe and
-- its change, if any: a run older than what the probe already reported (a queued run pushed late)
-- changes no state.
CREATE FUNCTION tekser_fleet.push_results(p_run_id text, p_started timestamptz, p_rows jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_network text := tekser_fleet.run_in_push(p_run_id, p_started);
  n integer;
BEGIN
  WITH stored AS (
    INSERT INTO tekser_fleet.results (started_at, probe, run_id, network, target_key, label, kind, status, method, reason, dns_consistency, blockpage, untrusted_issuer, interception_ca, sni_proof, verdict_detail, target, measurement)
    SELECT p_started, session_user, p_run_id, v_network,
      CASE WHEN t->>'kind' = 'service' THEN 'service:' || (t->>'id') ELSE t->>'url' END,
      CASE WHEN t->>'kind' = 'service' THEN (t->>'name') || ' (' || (t->>'serviceKind') || ')' ELSE t->>'url' END,
      t->>'kind', v->>'status', v->>'method', v->>'reason', v->>'dnsConsistency', v->'blockpage'->>'fingerprint', v->>'untrustedIssuer', v->'interceptionCa'->>'ca', v->>'sniProof',
      v - '{status,method,reason,dnsConsistency,untrustedIssuer,sniProof}'::text[], t, x->'measurement'
    FROM jsonb_array_elements(p_rows) AS x, LATERAL (SELECT x->'target' AS t, x->'verdict' AS v) AS parts
    WHERE x->>'schema' = 'tekser/run/v1' AND t->>'kind' IN ('web', 'service')
      AND v->>'status' IN ('accessible', 'blocked', 'partially blocked', 'down', 'inconclusive') AND x->'measurement' IS NOT NULL
    RETURNING probe, target_key, label, status, method, reason
  ), changed AS (
    INSERT INTO tekser_fleet.state_changes (at, probe, network, target_key, label, from_status, from_method, to_status, to_method, run_id)
    SELECT p_started, r.probe, v_network, r.target_key, r.label, s.status, s.method, r.status, r.method, p_run_id
    FROM stored r JOIN tekser_fleet.target_state s ON s.probe = r.probe AND s.target_key = r.target_key
    WHERE s.last_seen < p_started AND (s.status, coalesce(s.method, '')) IS DISTINCT FROM (r.status, coalesce(r.method, ''))
  ), state AS (
    INSERT INTO tekser_fleet.target_state AS s (probe, target_key, network, label, status, method, reason, since, last_seen, run_id)
    SELECT DISTINCT ON (r.target_key) r.probe, r.target_key, v_network, r.label, r.status, r.method, r.reason, p_started, p_started, p_run_id FROM stored r
    ON CONFLICT (probe, target_key) DO UPDATE SET
      since = CASE WHEN (s.status, coalesce(s.method, '')) IS DISTINCT FROM (excluded.status, coalesce(excluded.method, '')) THEN excluded.since ELSE s.since END,
      network = excluded.network, label = excluded.label, status = excluded.status, method = excluded.method, reason = excluded.reason,
      last_seen = excluded.last_seen, run_id = excluded.run_id
    WHERE s.last_seen < excluded.last_seen
  )
  SELECT count(*) INTO n FROM stored;
  RETURN n;
END $$;

-- Probes push through the functions above and nothing else: no table privilege at all, so no
-- reading, updating or deleting of anyone's rows. Readers read everything and write nothing.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tekser_fleet FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA tekser_fleet FROM PUBLIC;
GRANT USAGE ON SCHEMA tekser_fleet TO tekser_probe, tekser_reader;
GRANT EXECUTE ON FUNCTION tekser_fleet.push_run(jsonb), tekser_fleet.push_results(text, timestamptz, jsonb) TO tekser_probe;
GRANT SELECT ON ALL TABLES IN SCHEMA tekser_fleet TO tekser_reader;
