-- needs V001's table
CREATE TABLE b (x TEXT) STRICT;
INSERT INTO steps VALUES (2);
