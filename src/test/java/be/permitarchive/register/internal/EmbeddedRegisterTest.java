package be.permitarchive.register.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded register is a real PostgreSQL whose data survives restarts of the program. */
class EmbeddedRegisterTest {

	@TempDir
	Path dir;

	@Test
	void keepsItsDataAcrossRestarts() throws Exception {
		// given
		Path data = this.dir.resolve("register");
		try (EmbeddedRegister first = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(first.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create table dossier_probe (folder text)");
			statement.execute("insert into dossier_probe values ('1987-0456')");
		}

		// when
		try (EmbeddedRegister second = EmbeddedRegister.start(data, 0);
				Connection connection = DriverManager.getConnection(second.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select folder from dossier_probe")) {

			// then
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("1987-0456");
		}
	}

	@Test
	void aSecondProgramOnTheSameDataDirectoryUsesTheRunningServer() throws Exception {
		// given
		Path data = this.dir.resolve("shared");
		try (EmbeddedRegister first = EmbeddedRegister.start(data, 0)) {

			// when
			EmbeddedRegister second = EmbeddedRegister.start(data, 0);
			second.close(); // must not stop the first program's server

			// then
			assertThat(second.port()).isEqualTo(first.port());
			try (Connection connection = DriverManager.getConnection(first.jdbcUrl())) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	@Test
	void hasTheDutchTextSearchConfiguration() throws Exception {
		try (EmbeddedRegister register = EmbeddedRegister.start(this.dir.resolve("fts"), 0);
				Connection connection = DriverManager.getConnection(register.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select to_tsvector('dutch', 'bouwvergunningen verleend')::text")) {
			rs.next();
			assertThat(rs.getString(1)).contains("bouwvergunn").contains("verleend");
		}
	}

}
