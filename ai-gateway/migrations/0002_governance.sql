-- 0002: governance of assessments: trial, provider model, fallback reason, cache hits.
ALTER TABLE `assessments`
  ADD COLUMN `project_id` varchar(64) NOT NULL DEFAULT '' AFTER `report_id`,
  ADD COLUMN `model` varchar(128) NOT NULL DEFAULT '' COMMENT 'external model name; empty for the built-in engine' AFTER `engine`,
  ADD COLUMN `fallback_reason` varchar(255) NOT NULL DEFAULT '' AFTER `fallback`,
  ADD COLUMN `cached` tinyint(1) NOT NULL DEFAULT 0 COMMENT 'answered from an earlier assessment of the same input and version' AFTER `fallback_reason`;
