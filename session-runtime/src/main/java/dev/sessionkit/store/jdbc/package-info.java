/** The JDBC store (PostgreSQL first), active when a {@code javax.sql.DataSource} is available. */
@Configuration
@Requires(classes = javax.sql.DataSource.class)
package dev.sessionkit.store.jdbc;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
