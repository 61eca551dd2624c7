-- The activity report's photos, as the ids of their file variables (comma-separated, in the order the
-- unit gave them), so the unit's statistics task and the city union's review can show them in Tasklist.
ALTER TABLE campaign_report ADD COLUMN photo_ids VARCHAR(200);
