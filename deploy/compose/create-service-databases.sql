-- One database and one role per service (compose only; passwords = names, for local use).
CREATE ROLE intake LOGIN PASSWORD 'intake';
CREATE DATABASE intake OWNER intake;
CREATE ROLE triage LOGIN PASSWORD 'triage';
CREATE DATABASE triage OWNER triage;
CREATE ROLE notify LOGIN PASSWORD 'notify';
CREATE DATABASE notify OWNER notify;
CREATE ROLE advisory LOGIN PASSWORD 'advisory';
CREATE DATABASE advisory OWNER advisory;
