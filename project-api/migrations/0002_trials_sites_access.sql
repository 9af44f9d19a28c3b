-- 0002: sites, site-limited memberships, participants at a site (with arm), audit trail.
CREATE TABLE `sites` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `code` varchar(32) NOT NULL,
  `name` varchar(200) NOT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_code` (`project_id`,`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE `project_members`
  ADD COLUMN `site_id` bigint NOT NULL DEFAULT 0 COMMENT '0: all sites of the trial' AFTER `role`;

ALTER TABLE `participants`
  ADD COLUMN `site_id` bigint NOT NULL DEFAULT 0 AFTER `subject_code`,
  ADD COLUMN `arm` varchar(32) NOT NULL DEFAULT '' AFTER `site_id`,
  ADD KEY `idx_project_site` (`project_id`,`site_id`),
  ADD UNIQUE KEY `uk_user` (`user_id`);

CREATE TABLE `audit_log` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `occurred_at` datetime(6) NOT NULL COMMENT 'UTC',
  `actor_id` bigint NOT NULL,
  `actor_role` varchar(32) NOT NULL,
  `action` varchar(64) NOT NULL,
  `entity_type` varchar(32) NOT NULL,
  `entity_id` varchar(64) NOT NULL,
  `project_id` varchar(64) NOT NULL DEFAULT '',
  `changes` text NOT NULL COMMENT 'JSON {field: [old, new]}; PHI fields show only that they changed',
  `request_id` varchar(64) NOT NULL DEFAULT '',
  `client_ip` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `idx_entity` (`entity_type`,`entity_id`),
  KEY `idx_project_time` (`project_id`,`occurred_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
