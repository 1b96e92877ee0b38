-- creates the table each step logs itself into
CREATE TABLE steps (n INTEGER NOT NULL) STRICT;
INSERT INTO steps VALUES (1);
