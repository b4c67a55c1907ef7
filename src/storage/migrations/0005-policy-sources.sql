-- The seeded deadline policies named their source in a developer's shorthand; administrators read
-- this column, so databases seeded before this migration get the wording new installs are seeded with.
UPDATE deadline_policies SET source = '平安建设矛盾纠纷化解工作要求'
  WHERE source = 'issue 4 / DESIGN.md (平安建设 reports)';
UPDATE deadline_policies SET source = '平安建设矛盾纠纷化解工作要求；延期上限为平台默认，可调整'
  WHERE source = 'issue 4 / DESIGN.md (平安建设 reports); extension house default';
UPDATE deadline_policies SET source = '平台默认，可调整'
  WHERE source = 'house default';
