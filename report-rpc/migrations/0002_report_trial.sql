-- 0002: a report belongs to a trial and a site (taken from the participant's token), for per-trial views.
ALTER TABLE `reports`
  ADD COLUMN `project_id` varchar(64) NOT NULL DEFAULT '' AFTER `id`,
  ADD COLUMN `site_id` bigint NOT NULL DEFAULT 0 AFTER `project_id`,
  ADD KEY `idx_project_received` (`project_id`,`received_at`);
