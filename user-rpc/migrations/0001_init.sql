-- 0001: initial schema
CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `kind` varchar(16) NOT NULL DEFAULT 'staff' COMMENT 'staff or participant',
  `username` varchar(64) DEFAULT NULL COMMENT 'staff login name; NULL for participants',
  `display_name` varchar(128) NOT NULL,
  `password_hash` varchar(255) NOT NULL DEFAULT '' COMMENT 'bcrypt',
  `status` varchar(16) NOT NULL DEFAULT 'active' COMMENT 'active or disabled',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  `updated_at` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_username` (`username`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
