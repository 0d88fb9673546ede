\set v random(1, 1000000)
INSERT INTO :tbl (subject_id, form_type, data) VALUES ('S01-001', 'lab', ('{"date":"2025-02-03","visit":"C1D1","analyte":"neutrophils","value":' || :v || ',"unit":"10^9/L","source":"central"}')::jsonb);
