-- migrate:up
create table users (id integer primary key, name text);
insert into users (name) values ('ada');
-- migrate:down
drop table users;
