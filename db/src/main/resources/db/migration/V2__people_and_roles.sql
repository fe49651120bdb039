-- People who log in, and their roles (candidate, proctor, registrar, admin). The container's database identity store
-- reads these two tables with plain SQL: passwords are Pbkdf2PasswordHash strings, never clear text.
CREATE TABLE app_user (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    username       VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id    VARCHAR(36) NOT NULL,
    role_name  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role_name),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_app_user_role_name CHECK (role_name IN ('CANDIDATE', 'PROCTOR', 'REGISTRAR', 'ADMIN'))
);
