-- No query of intake's looks reports up by program (researchers reach a report by its tracking id,
-- staff in triage's own database), and the index cost an entry per report on the submission path.
DROP INDEX report_program;
