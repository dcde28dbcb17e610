-- One batch of realistic Hindsight LLM calls (llm_requests), generated inside PostgreSQL.
-- Run by scripts/seed-llm (which creates the table before and the indexes after).
-- psql variables:
--   schema          target schema (quoted identifier); the table is llm_requests
--   first, rows     this batch holds global call numbers first+1 .. first+rows
--   total           calls in the whole run (places a run on the time axis)
--   days, end_ts    the time window of the runs' starts: [end_ts - days, end_ts)
--   seeded          true: calls are reproducible (setseed, ids from random())
--   seedval         setseed() argument for this batch, in [-1, 1)
--   audit           true: also append one audit_log row per run (the entry Hindsight
--                   would have written for the operation), in the same schema
-- A batch is whole runs (every call of one operation invocation shares a trace_id; the
-- last run of a batch may come out shorter than drawn). Runs come out in roughly ascending
-- started_at, as Hindsight appends them.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET TimeZone = 'UTC';
SET synchronous_commit = off;
SET jit = off;
SET work_mem = '64MB';

-- Helpers (ids, sentences, banks) shared with seed.sql.
\ir seed-common.sql

-- The system prompt of each call site (paraphrased: the shape of Hindsight's, not its text).
CREATE FUNCTION pg_temp.system_prompt(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE $1
    WHEN 'retain_extract_facts' THEN
        'Extract durable facts from the content. Return JSON "facts": what, when (ISO 8601), who, fact_type.'
    WHEN 'reflect_tool_call' THEN 'Answer from the memory bank. Call recall to look things up, done to answer.'
    WHEN 'memory_think' THEN 'Think about the retrieved memories: which are relevant, which conflict.'
    WHEN 'final_rewrite' THEN 'Rewrite the draft: keep what the memories support, cite them as [n].'
    WHEN 'verification' THEN 'Is the claim supported by the evidence? JSON: supported, confidence, reason.'
    WHEN 'consolidation' THEN 'Distil observations from the new facts. JSON "actions": create, update or skip.'
    WHEN 'consolidation_dedup' THEN 'Group the observations that say the same thing. JSON "duplicates".'
    WHEN 'mental_model_delta_ops' THEN 'Update the mental model with the new facts. JSON "ops": add, update, remove.'
    ELSE 'Analyse the query: entities, time range (ISO 8601), intent. Answer JSON.'
END $$;

-- Memory lines as the prompts list them: "[n] (date) sentence".
CREATE FUNCTION pg_temp.memories(int, timestamptz) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg('[' || k || '] (' || to_char($2 - random() * interval '120 days', 'YYYY-MM-DD') || ') '
                      || pg_temp.sentence(), chr(10))
    FROM generate_series(1, $1) k $$;

-- A message as Hindsight stores it.
CREATE FUNCTION pg_temp.msg(text, text) RETURNS jsonb LANGUAGE sql STABLE
    AS $$ SELECT jsonb_build_object('role', $1, 'content', $2) $$;

-- A long document: whole paragraphs of sentences, up to about $1 characters.
CREATE FUNCTION pg_temp.document(int) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(pg_temp.para(6), chr(10) || chr(10)) FROM generate_series(1, greatest(1, $1 / 480)) $$;

-- The message list of call `i` of a run, for its scope. $3: a user message the operator
-- pasted an API key into (masking has something to hide); $4: the size class
-- (0 usual, 1 a long document of about $5 characters). A retain's event date and
-- document are added per call (see the INSERT).
CREATE FUNCTION pg_temp.input_messages(text, int, boolean, int, int, timestamptz)
RETURNS jsonb LANGUAGE sql VOLATILE AS $$
    SELECT jsonb_build_array(pg_temp.msg('system', pg_temp.system_prompt($1)))
        || CASE $1
            WHEN 'retain_extract_facts' THEN jsonb_build_array(pg_temp.msg('user',
                'Context: ' || pg_temp.pick('{conversation,"support ticket","slack thread","meeting transcript",email,"CRM note"}')
                || chr(10) || chr(10)
                || CASE WHEN $4 = 1 THEN pg_temp.document($5) ELSE pg_temp.para(1 + floor(power(random(), 4) * 5)::int)
                    || CASE WHEN random() < 0.05 THEN chr(10) || pg_temp.para(1 + floor(random() * 6)::int)
                        || chr(10) || pg_temp.para(6) || chr(10) || pg_temp.para(6) ELSE '' END END
                || CASE WHEN $3 THEN chr(10) || 'PS: the OpenAI key for the bot is sk-proj-' || md5(random()::text)
                    || md5(random()::text) || ', please remember it.' ELSE '' END))
            WHEN 'reflect_tool_call' THEN jsonb_build_array(pg_temp.msg('user', pg_temp.query()
                    || CASE WHEN $3 THEN ' (my key is sk-' || md5(random()::text) || ')' ELSE '' END))
                || CASE WHEN $2 > 1 THEN jsonb_build_array(
                    jsonb_build_object('role', 'assistant', 'content', NULL, 'tool_calls', jsonb_build_array(
                        jsonb_build_object('name', 'search_memories', 'arguments', jsonb_build_object('query', pg_temp.query())))),
                    pg_temp.msg('tool', pg_temp.memories(1 + floor(power(random(), 2) * 3)::int, $6))) ELSE '[]'::jsonb END
                || CASE WHEN $2 > 4 THEN jsonb_build_array(pg_temp.msg('tool', pg_temp.memories(1 + floor(random() * 3)::int, $6)))
                    ELSE '[]'::jsonb END
                || CASE WHEN $4 = 1 THEN jsonb_build_array(pg_temp.msg('tool', pg_temp.document($5))) ELSE '[]'::jsonb END
            WHEN 'memory_think' THEN jsonb_build_array(pg_temp.msg('user', 'Question: ' || pg_temp.query() || chr(10)
                || 'Retrieved memories:' || chr(10) || pg_temp.memories(1 + floor(power(random(), 2) * 5)::int, $6)))
            WHEN 'final_rewrite' THEN jsonb_build_array(pg_temp.msg('user', 'Question: ' || pg_temp.query() || chr(10)
                || 'Draft: ' || pg_temp.para(1 + floor(random() * 3)::int) || chr(10) || 'Memories:' || chr(10)
                || pg_temp.memories(1 + floor(random() * 3)::int, $6)))
            WHEN 'verification' THEN jsonb_build_array(pg_temp.msg('user', 'Claim: ' || pg_temp.sentence() || chr(10)
                || 'Evidence:' || chr(10) || pg_temp.memories(1 + floor(random() * 3)::int, $6)))
            WHEN 'consolidation' THEN jsonb_build_array(pg_temp.msg('user', 'New facts:' || chr(10)
                || pg_temp.memories(1 + floor(power(random(), 3) * 3)::int, $6)
                || CASE WHEN random() < 0.2 THEN chr(10) || 'Existing observations:' || chr(10)
                    || pg_temp.memories(1, $6 - interval '30 days') ELSE '' END
                || CASE WHEN $4 = 1 THEN chr(10) || pg_temp.document($5) ELSE '' END))
            WHEN 'consolidation_dedup' THEN jsonb_build_array(pg_temp.msg('user', 'Observations:' || chr(10)
                || pg_temp.memories(2 + floor(random() * 2)::int, $6)))
            WHEN 'mental_model_delta_ops' THEN jsonb_build_array(pg_temp.msg('user', 'Mental model: '
                || pg_temp.pick('{"Customer preferences","Team structure","Open incidents","Product roadmap","Zusammenfassung Kunden"}')
                || chr(10) || 'Current content:' || chr(10) || pg_temp.para(1 + floor(random() * 3)::int) || chr(10)
                || 'New facts:' || chr(10) || pg_temp.memories(1 + floor(random() * 4)::int, $6)))
            ELSE jsonb_build_array(pg_temp.msg('user', pg_temp.query()))
        END $$;

-- What the model answered (NULL when the call failed), by scope; $2: the run's last call.
CREATE FUNCTION pg_temp.output(text, boolean, timestamptz) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
    SELECT CASE $1
        WHEN 'retain_extract_facts' THEN jsonb_build_object('facts', (SELECT jsonb_agg(jsonb_build_object(
                'what', pg_temp.sentence(),
                'when', CASE WHEN random() < 0.3 THEN 'unknown' ELSE pg_temp.iso($3 - random() * interval '30 days') END,
                'fact_type', pg_temp.pick('{world,world,experience}')))
            FROM generate_series(0, floor(power(random(), 4) * 3)::int)))
        WHEN 'reflect_tool_call' THEN CASE WHEN $2 OR random() < 0.2
            THEN to_jsonb(pg_temp.para(1 + floor(random() * 2)::int))
            ELSE jsonb_build_object('tool_calls', jsonb_build_array(jsonb_build_object(
                'name', pg_temp.pick('{search_memories,search_memories,recall,get_mental_model,done}'),
                'arguments', jsonb_build_object('query', pg_temp.query())))) END
        WHEN 'memory_think' THEN to_jsonb('The relevant memories are [1] and [3]. ' || pg_temp.para(1 + floor(random() * 2)::int))
        WHEN 'final_rewrite' THEN to_jsonb('Based on what I remember: ' || pg_temp.para(1 + floor(random() * 2)::int))
        WHEN 'verification' THEN jsonb_build_object('supported', random() < 0.8,
            'confidence', round(random()::numeric, 2), 'reason', pg_temp.sentence())
        WHEN 'consolidation' THEN jsonb_build_object('actions', (SELECT jsonb_agg(CASE WHEN random() < 0.5
                THEN jsonb_build_object('action', 'create_observation', 'text', pg_temp.sentence(),
                    'source_ids', jsonb_build_array(1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int))
                WHEN random() < 0.7 THEN jsonb_build_object('action', 'update_observation', 'observation_id', 1 + floor(random() * 5)::int,
                    'text', pg_temp.sentence(), 'source_ids', jsonb_build_array(1 + floor(random() * 5)::int))
                ELSE jsonb_build_object('action', 'skip') END)
            FROM generate_series(0, floor(power(random(), 4) * 2)::int)))
        WHEN 'consolidation_dedup' THEN jsonb_build_object('duplicates',
            CASE WHEN random() < 0.6 THEN '[]'::jsonb ELSE '[[1, 3]]'::jsonb END, 'keep', '[1, 2]'::jsonb)
        WHEN 'mental_model_delta_ops' THEN jsonb_build_object('ops', jsonb_build_array(
            jsonb_build_object('op', pg_temp.pick('{add,add,update,remove}'),
                'section', pg_temp.pick('{Preferences,People,"Open questions",Timeline}'), 'text', pg_temp.sentence())))
        ELSE jsonb_build_object('entities', jsonb_build_array(pg_temp.pick('{Alice,Bob,EU,invoice,deployment}')),
            'time_range', CASE WHEN random() < 0.3 THEN jsonb_build_object('start', pg_temp.iso($3 - interval '30 days'),
                'end', pg_temp.iso($3)) END, 'intent', pg_temp.pick('{lookup,lookup,list,compare}'))
    END $$;

-- The runs of this batch: one operation invocation each, with its bank, model and start.
CREATE TEMP TABLE runs ON COMMIT PRESERVE ROWS AS
SELECT r.*,
    pg_temp.uid()::text AS trace_id,
    pg_temp.uid()::text AS op_span,
    CASE WHEN op = 'retain' THEN 'doc-' || substr(md5(random()::text), 1, 12) END AS document_id
FROM (
    SELECT q.*,
        -- Day from the run's place in the seeding (a slow growth towards --end); time of day
        -- 30% uniform, 70% normal around 13:30 UTC (sd 3 h); one run in 400 just before midnight.
        :'end_ts'::timestamptz - (:days || ' days')::interval
            + floor(:days * power(least(pos, 0.999999), 0.85)) * interval '1 day'
            + make_interval(secs => (((CASE WHEN uh < 0.0025 THEN 86340 + 55 * uh2
                                           WHEN uh < 0.3 THEN 86400 * uh2 ELSE 48600 + 10800 * nh END
                - extract(epoch FROM (:'end_ts'::timestamptz)::time)) :: numeric % 86400 + 86400) % 86400)::float8)
            AS t0,
        CASE provider
            WHEN 'openai' THEN (ARRAY['gpt-4o-mini', 'gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4.1', 'gpt-5-mini'])[1 + floor(um * 5)::int]
            WHEN 'anthropic' THEN (ARRAY['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022', 'claude-haiku-4-5'])[1 + floor(um * 3)::int]
            WHEN 'gemini' THEN (ARRAY['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.0-flash', 'gemini-2.5-pro'])[1 + floor(um * 4)::int]
            WHEN 'groq' THEN (ARRAY['llama-3.3-70b-versatile', 'openai/gpt-oss-120b', 'openai/gpt-oss-20b'])[1 + floor(um * 3)::int]
            ELSE (ARRAY['llama3.1:8b', 'qwen2.5:14b', 'gemma3:12b'])[1 + floor(um * 3)::int]
        END AS model,
        CASE WHEN op = 'consolidation' THEN 4 ELSE 1 END AS lanes
    FROM (
        SELECT s.*,
            (:first + coalesce(sum(drawn) OVER w, 0) - drawn + random()) / :total AS pos,
            least(drawn, :rows - (coalesce(sum(drawn) OVER w, 0) - drawn))::int AS size,
            CASE WHEN up < 0.45 THEN 'openai' WHEN up < 0.65 THEN 'anthropic' WHEN up < 0.85 THEN 'gemini'
                 WHEN up < 0.95 THEN 'groq' ELSE 'ollama' END AS provider,
            (pg_temp.banks())[least(300, floor(exp(uz * ln(301)))::int)] AS bank_id
        FROM (
            SELECT r, op, uz, up, um, uh, uh2, nh, u_conc,
                -- Calls per run: most runs are small, a few are long (big documents, consolidation).
                CASE op
                    WHEN 'retain' THEN CASE WHEN usz2 < 0.03 THEN 20 + floor(usz * 181) ELSE 1 + floor(power(usz, 3) * 6) END
                    WHEN 'reflect' THEN 2 + floor(power(usz, 1.5) * 11)
                    WHEN 'refresh_mental_model' THEN 3 + floor(power(usz, 1.5) * 20)
                    WHEN 'consolidation' THEN 2 + floor(power(usz, 7) * 199)
                    WHEN 'consolidation_dedup' THEN 1 + floor(power(usz, 2) * 8)
                    WHEN 'mental_model_delta_ops' THEN 1 + floor(usz * 2)
                    ELSE 1
                END::int AS drawn
            FROM (
                SELECT r,
                    CASE WHEN uo < 0.40 THEN 'retain' WHEN uo < 0.62 THEN 'reflect' WHEN uo < 0.72 THEN 'recall'
                         WHEN uo < 0.84 THEN 'consolidation' WHEN uo < 0.90 THEN 'consolidation_dedup'
                         WHEN uo < 0.96 THEN 'refresh_mental_model' ELSE 'mental_model_delta_ops' END AS op,
                    random() AS usz, random() AS usz2, random() AS uz, random() AS up, random() AS um,
                    random() AS uh, random() AS uh2, random() AS u_conc,
                    sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS nh
                FROM (SELECT r, random() AS uo
                      FROM generate_series(1, CASE WHEN :rows < 2000 THEN :rows ELSE :rows / 4 END) r OFFSET 0) g
                OFFSET 0
            ) d
        ) s
        WINDOW w AS (ORDER BY r ROWS UNBOUNDED PRECEDING)
    ) q
    WHERE size > 0
) r;

-- One run in 25 starts while the previous run of the batch is busy, for the same bank: the
-- concurrent runs whose audit entries overlap (an ambiguous attribution).
UPDATE runs c SET bank_id = p.bank_id, t0 = p.t0 + (10 + 2000 * c.u_conc) * interval '1 millisecond'
FROM runs p WHERE p.r = c.r - 1 AND c.u_conc < 0.04;

-- The calls: scope, duration, outcome and place in time within the run.
CREATE TEMP TABLE calls ON COMMIT PRESERVE ROWS AS
SELECT c.*,
    -- A nested call (verification, thinking) starts inside the call before it and ends
    -- within it; the others follow one another in their lane.
    CASE WHEN nested THEN prev_start + (prev_dur * 0.1)::bigint ELSE lane_start END AS start_us,
    CASE WHEN nested THEN least(dur_us, (prev_dur * 0.8)::bigint) ELSE dur_us END AS run_dur_us
FROM (
    SELECT b.*,
        lag(lane_start) OVER (PARTITION BY r ORDER BY i) AS prev_start,
        lag(dur_us) OVER (PARTITION BY r ORDER BY i) AS prev_dur,
        lag(span_id) OVER (PARTITION BY r ORDER BY i) AS prev_span
    FROM (
        SELECT a.*,
            coalesce(sum(CASE WHEN nested THEN 0 ELSE dur_us + gap_us END)
                OVER (PARTITION BY r, i % lanes ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                + (i % lanes) * 40000 AS lane_start
        FROM (
            SELECT x.*,
                CASE WHEN failed AND ufail < 0.45 THEN 60000000 + floor(random() * 60000000)::bigint
                     WHEN failed AND ufail < 0.6 THEN floor(random() * 900000)::bigint
                     ELSE (1000 * (CASE scope WHEN 'retain_extract_facts' THEN 3800 WHEN 'reflect_tool_call' THEN 1400
                        WHEN 'memory_think' THEN 2200 WHEN 'final_rewrite' THEN 2600 WHEN 'verification' THEN 700
                        WHEN 'consolidation' THEN 3000 WHEN 'consolidation_dedup' THEN 900
                        WHEN 'mental_model_delta_ops' THEN 3500 ELSE 600 END)
                        * CASE provider WHEN 'groq' THEN 0.35 WHEN 'ollama' THEN 2.5 WHEN 'gemini' THEN 0.8
                            WHEN 'anthropic' THEN 1.2 ELSE 1 END
                        * CASE WHEN big > 0 THEN 4 ELSE 1 END
                        * exp(0.55 * nd))::bigint
                END AS dur_us,
                -- Hindsight's own work between two calls (retrieval, parsing): ms to a second.
                (5000 + 300000 * power(random(), 3))::bigint AS gap_us
            FROM (
                SELECT w.*,
                    CASE
                        WHEN op = 'retain' THEN 'retain_extract_facts'
                        WHEN op IN ('reflect', 'refresh_mental_model') THEN CASE
                            WHEN nested THEN CASE WHEN usc < 0.5 THEN 'verification' ELSE 'memory_think' END
                            WHEN i = size AND i > 1 THEN 'final_rewrite'
                            ELSE 'reflect_tool_call' END
                        WHEN op = 'consolidation' THEN CASE WHEN usc < 0.08 THEN 'verification' ELSE 'consolidation' END
                        WHEN op = 'consolidation_dedup' THEN 'consolidation_dedup'
                        WHEN op = 'mental_model_delta_ops' THEN 'mental_model_delta_ops'
                        ELSE 'query_analysis'
                    END AS scope
                FROM (
                    SELECT v.*,
                        lanes = 1 AND i > 1 AND unest < 0.12 AND lag(unest) OVER (PARTITION BY r ORDER BY i) >= 0.12 AS nested
                    FROM (
                        SELECT runs.r, runs.op, runs.size, runs.lanes, runs.provider, runs.t0, i,
                            pg_temp.uid()::text AS span_id,
                            random() AS unest, random() AS usc,
                            random() < 0.03 AS failed, random() AS ufail,
                            -- 1 in 1,000 inputs is a long document (50 to 400 KB), 1 in 400 was
                            -- stored cut (Hindsight's 50,000-character limit).
                            CASE WHEN ubig < 0.001 THEN 1 WHEN ubig < 0.0035 THEN 2 ELSE 0 END AS big,
                            sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS nd
                        FROM runs, generate_series(1, runs.size) i, LATERAL (SELECT random() + 0 * i AS ubig) ub
                        OFFSET 0
                    ) v
                ) w
            ) x
        ) a
    ) b
) c;

-- Documents are drawn from a pool of variants per scope (generating each call's text
-- alone would take most of the time); the rare long, cut and key-bearing inputs are
-- generated per call. Variant v of reflect_tool_call is the message list of a call at
-- place 1 + v % 6 in its run (later calls carry the tool results so far).
-- Compact (--compact): the usual input is the system prompt and one line, the output one
-- sentence or a small object, for ten million calls on a small disk.
CREATE TEMP TABLE pool ON COMMIT PRESERVE ROWS AS
SELECT scope, v, input, length(input::text) AS input_chars, output, output_last
FROM unnest('{retain_extract_facts,reflect_tool_call,memory_think,final_rewrite,verification,consolidation,consolidation_dedup,mental_model_delta_ops,query_analysis}'::text[]) scope,
    generate_series(0, 239) v,
    LATERAL (SELECT :'end_ts'::timestamptz - random() * (:days || ' days')::interval AS at OFFSET 0) t,
    LATERAL (SELECT CASE WHEN :compact THEN jsonb_build_array(pg_temp.msg('system', pg_temp.system_prompt(scope)),
                            pg_temp.msg('user', CASE WHEN scope = 'reflect_tool_call' THEN pg_temp.query() ELSE pg_temp.sentence() END))
                         ELSE pg_temp.input_messages(scope, 1 + v % 6, false, 0, 0, t.at) END AS input,
                    CASE WHEN :compact THEN CASE WHEN scope IN ('retain_extract_facts', 'consolidation', 'verification')
                            THEN jsonb_build_object('facts', jsonb_build_array(pg_temp.sentence())) ELSE to_jsonb(pg_temp.sentence()) END
                         ELSE pg_temp.output(scope, false, t.at) END AS output,
                    CASE WHEN :compact THEN to_jsonb(pg_temp.sentence()) ELSE pg_temp.output(scope, true, t.at) END AS output_last
             OFFSET 0) d;
CREATE INDEX ON pool (scope, v);
ANALYZE pool;

-- The memories a run created (retain, consolidation) and consumed (consolidation): the
-- consumed ones are those earlier retain runs of the same bank created in this batch.
CREATE TEMP TABLE run_memories ON COMMIT PRESERVE ROWS AS
SELECT runs.r,
    CASE WHEN runs.op IN ('retain', 'consolidation') AND NOT EXISTS
            (SELECT 1 FROM calls WHERE calls.r = runs.r AND calls.i = runs.size AND calls.failed)
        THEN (SELECT jsonb_agg(md5(runs.trace_id || ':' || k)::uuid::text)
              FROM generate_series(1, 1 + floor(power(random(), 4) * CASE runs.op WHEN 'retain' THEN 5 ELSE 2 END)::int) k)
    END AS memory_ids,
    CASE WHEN runs.op = 'consolidation' THEN (SELECT jsonb_agg(md5(p.trace_id || ':1')::uuid::text)
        FROM (SELECT trace_id FROM runs p WHERE p.bank_id = runs.bank_id AND p.op = 'retain' AND p.r < runs.r
              ORDER BY p.r DESC LIMIT 1 + floor(power(random(), 4) * 4)::int) p)
    END AS source_memory_ids
FROM runs;

INSERT INTO :"schema".llm_requests (id, bank_id, operation, scope, trace_id, span_id, parent_span_id,
    provider, model, status, started_at, ended_at, duration_ms,
    input_tokens, output_tokens, cached_tokens, total_tokens, input, output, error, llm_info, metadata)
SELECT pg_temp.uid(), bank_id, op, scope, trace_id, span_id, parent_span_id, provider, model,
    CASE WHEN failed THEN 'error' ELSE 'success' END,
    started_at, ended_at,
    floor(extract(epoch FROM ended_at - started_at) * 1000)::int,
    nullif(in_tok, 0), nullif(out_tok, 0), nullif(cached_tok, 0), nullif(in_tok + out_tok, 0),
    CASE WHEN big = 2 THEN jsonb_build_object('_truncated', true, '_original_chars', length(input_text),
            'preview', left(input_text, 50000))
         ELSE input END,
    output, error, llm_info, metadata
FROM (
    SELECT y.*,
        -- Tokens: about four characters each; none reported by some local models, and an
        -- error reports the usage only when the reply came but did not parse.
        CASE WHEN no_usage OR (failed AND ufail < 0.9) THEN 0
             ELSE (input_chars / (3.6 + ut)) :: int END AS in_tok,
        CASE WHEN no_usage OR (failed AND ufail < 0.9) THEN 0
             WHEN output IS NULL THEN (40 + 300 * ut)::int
             ELSE (length(output::text) / (3.4 + ut))::int END AS out_tok,
        CASE WHEN no_usage OR failed OR provider IN ('groq', 'ollama') OR ut > 0.35 THEN 0
             ELSE (input_chars / 4 * (0.3 + ut))::int END AS cached_tok
    FROM (
        SELECT z.*, CASE WHEN pool_chars IS NULL THEN length(input::text) ELSE pool_chars + 70 END AS input_chars,
            CASE WHEN big = 2 THEN input::text END AS input_text
        FROM (
            SELECT c.*, runs.bank_id, runs.trace_id, runs.model, runs.document_id,
                c.started_at0 AS started_at,
                c.started_at0 + c.run_dur_us * interval '1 microsecond' AS ended_at,
                CASE WHEN c.nested THEN c.prev_span ELSE runs.op_span END AS parent_span_id,
                CASE WHEN c.scope = 'retain_extract_facts' THEN jsonb_set(base.input, '{1,content}', to_jsonb(
                        'Event date: ' || pg_temp.iso(c.started_at0) || chr(10) || 'Document: ' || runs.document_id
                        || chr(10) || (base.input->1->>'content')))
                     ELSE base.input END AS input,
                base.pool_chars,
                CASE WHEN NOT c.failed THEN CASE WHEN c.i = c.size THEN pool.output_last ELSE pool.output END END AS output,
                CASE WHEN c.failed THEN CASE
                    WHEN c.ufail < 0.45 THEN 'TimeoutError: Request timed out after ' || round(c.run_dur_us / 1e6) || '.0s'
                    WHEN c.ufail < 0.6 THEN (ARRAY[
                        'RateLimitError: Error code: 429 - {''error'': {''message'': ''Rate limit reached for ' || runs.model
                            || ' on tokens per min (TPM): Limit 200000, Used 199655, Requested 1706. Please try again in 408ms.'', ''type'': ''tokens'', ''code'': ''rate_limit_exceeded''}}',
                        'APIConnectionError: Connection error.',
                        'InternalServerError: Error code: 529 - {''type'': ''error'', ''error'': {''type'': ''overloaded_error'', ''message'': ''Overloaded''}}',
                        'BadRequestError: Error code: 400 - {''error'': {''message'': "This model''s maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.", ''code'': ''context_length_exceeded''}}'
                        ])[1 + floor(random() * 4)::int]
                    ELSE 'ValidationError: 1 validation error for '
                        || CASE c.scope WHEN 'retain_extract_facts' THEN 'FactExtractionResponse' WHEN 'consolidation' THEN 'ConsolidationActions'
                            ELSE 'StructuredOutput' END
                        || chr(10) || 'facts.' || floor(random() * 5)::int || '.when' || chr(10)
                        || '  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]' || chr(10)
                        || '    For further information visit https://errors.pydantic.dev/2.11/v/string_type'
                    END END AS error,
                -- Hindsight keeps only the parameters the caller set.
                CASE c.scope
                        WHEN 'reflect_tool_call' THEN '{"request": {"tool_choice": "auto"}}'::jsonb
                        WHEN 'memory_think' THEN '{"request": {"temperature": 0.3}}'::jsonb
                        WHEN 'final_rewrite' THEN '{"request": {"max_completion_tokens": 2048}}'::jsonb
                        WHEN 'retain_extract_facts' THEN '{"request": {"max_completion_tokens": 8192}}'::jsonb
                        ELSE '{}'::jsonb END
                    || CASE WHEN c.failed THEN '{}'::jsonb
                            WHEN c.scope = 'reflect_tool_call' AND c.i < c.size THEN
                                '{"finish_reason": "tool_calls", "tool_calls": ["recall"]}'::jsonb
                            WHEN random() < 0.01 THEN '{"finish_reason": "length"}'::jsonb
                            ELSE '{"finish_reason": "stop"}'::jsonb END AS llm_info,
                CASE WHEN runs.op = 'retain' THEN jsonb_build_object('document_id', runs.document_id) ELSE '{}'::jsonb END
                    || CASE WHEN m.memory_ids IS NOT NULL THEN jsonb_build_object('memory_ids', m.memory_ids) ELSE '{}'::jsonb END
                    || CASE WHEN m.source_memory_ids IS NOT NULL THEN jsonb_build_object('source_memory_ids', m.source_memory_ids)
                            ELSE '{}'::jsonb END AS metadata,
                runs.provider = 'ollama' AND random() < 0.5 AS no_usage,
                random() AS ut
            FROM (SELECT calls.*, calls.t0 + calls.start_us * interval '1 microsecond' AS started_at0,
                    random() < 0.002 AS api_key,
                    CASE WHEN big = 1 THEN 50000 + floor(power(random(), 2) * 300000)::int
                         ELSE 55000 + floor(power(random(), 2) * 500000)::int END AS big_chars,
                    6 * floor(random() * 40)::int + (least(calls.i, 6) - 1) AS v
                  FROM calls) c
            JOIN runs USING (r)
            JOIN run_memories m USING (r)
            JOIN pool ON pool.scope = c.scope AND pool.v = c.v
            CROSS JOIN LATERAL (SELECT CASE WHEN c.big > 0 OR c.api_key
                    THEN pg_temp.input_messages(c.scope, c.i, c.api_key, least(c.big, 1), c.big_chars, c.started_at0)
                    ELSE pool.input END AS input,
                CASE WHEN c.big > 0 OR c.api_key THEN NULL ELSE pool.input_chars END AS pool_chars) base
            OFFSET 0
        ) z
    ) y
) t
ORDER BY started_at;

\if :audit
-- The audit entry of each run: the operation's action, the same bank, a span holding every
-- call of the run (the request arrives a little before the first call and answers a little
-- after the last); a run whose last call failed is a failed call (no response).
INSERT INTO :"schema".audit_log (id, action, transport, bank_id, started_at, ended_at, request, response, metadata)
SELECT pg_temp.uid(), action,
    CASE WHEN action IN ('consolidation') OR (action = 'refresh_mental_model' AND ut < 0.5) THEN 'system'
         WHEN ut < 0.65 THEN 'http' ELSE 'mcp' END,
    bank_id, first_start - (1000 + floor(80000 * random())) * interval '1 microsecond',
    last_end + (500 + floor(50000 * random())) * interval '1 microsecond',
    CASE action
        WHEN 'retain' THEN jsonb_build_object('items', jsonb_build_array(jsonb_build_object(
            'content', pg_temp.para(2), 'document_id', document_id, 'timestamp', pg_temp.iso(first_start))), 'async', ut < 0.2)
        WHEN 'reflect' THEN jsonb_build_object('query', pg_temp.query(), 'budget', pg_temp.pick('{low,mid,mid,high}'))
        WHEN 'recall' THEN jsonb_build_object('query', pg_temp.query(), 'max_tokens', 4096, 'budget', 'mid')
        WHEN 'consolidation' THEN jsonb_build_object('trigger', pg_temp.pick('{scheduled,scheduled,after_retain,manual}'),
            'batch_size', 50, 'pending_units', calls)
        ELSE jsonb_build_object('mental_model_id', md5(bank_id || op)::uuid)
    END,
    CASE WHEN last_failed THEN NULL ELSE CASE action
        WHEN 'retain' THEN jsonb_build_object('success', true, 'bank_id', bank_id, 'items_count', 1, 'async', ut < 0.2)
        WHEN 'reflect' THEN jsonb_build_object('text', 'Based on what I remember: ' || pg_temp.para(2))
        WHEN 'recall' THEN jsonb_build_object('results', '[]'::jsonb)
        WHEN 'consolidation' THEN jsonb_build_object('processed', calls, 'observations_created', floor(ut * 12)::int)
        ELSE jsonb_build_object('operation_id', pg_temp.uid(), 'status', 'completed')
    END END,
    jsonb_build_object('duration_ms', round(extract(epoch FROM last_end - first_start) * 1000))
FROM (
    SELECT runs.r, runs.op, runs.bank_id, runs.document_id,
        CASE runs.op WHEN 'consolidation_dedup' THEN 'consolidation' WHEN 'mental_model_delta_ops' THEN 'refresh_mental_model'
             ELSE runs.op END AS action,
        min(c.t0 + c.start_us * interval '1 microsecond') AS first_start,
        max(c.t0 + (c.start_us + c.run_dur_us) * interval '1 microsecond') AS last_end,
        bool_or(c.failed AND c.i = runs.size) AS last_failed,
        count(*) AS calls,
        random() AS ut
    FROM runs JOIN calls c USING (r)
    GROUP BY runs.r, runs.op, runs.bank_id, runs.document_id
) a
ORDER BY first_start;
\endif
