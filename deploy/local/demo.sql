-- Demo trial for `make up`: staff of several roles, their memberships and one participant. Idempotent.
-- Names are fictitious. Staff logins (passwords) arrive with the identity issue; until then only the bootstrap
-- administrator has a password.
INSERT IGNORE INTO epro_user.users (id, kind, username, display_name, status) VALUES
  (1001, 'staff', 'dr.li', '李伟', 'active'),
  (1002, 'staff', 'crc.wang', '王芳', 'active'),
  (1003, 'staff', 'dm.chen', 'Chen Jing', 'active'),
  (1004, 'staff', 'monitor.smith', 'Alex Smith', 'active'),
  (2001, 'participant', NULL, '张三', 'active');

INSERT IGNORE INTO epro_project.projects (id, name, status) VALUES
  ('demo-trial', 'Demo trial: post-operative recovery ePRO', 'active');

INSERT IGNORE INTO epro_project.project_members (project_id, user_id, role) VALUES
  ('demo-trial', 1001, 'PI'),
  ('demo-trial', 1002, 'CRC'),
  ('demo-trial', 1003, 'DM'),
  ('demo-trial', 1004, 'MONITOR');

INSERT IGNORE INTO epro_project.participants (project_id, subject_code, user_id, status) VALUES
  ('demo-trial', 'DEMO-001', 2001, 'enrolled');
