package be.permitarchive.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import be.permitarchive.support.TestRegister;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive demo} with a register configured: the fictional samples go into the demo's own embedded register,
 * never into the configured one. Slow (the demo register starts and the samples are OCR'd): this is the one demo run.
 */
class DemoCommandTest {

	@Test
	void theDemoLeavesTheConfiguredRegisterUntouchedAndSaysWhereItWrote() throws Exception {
		// given a register configured the way REGISTER_URL or config/application.yml would
		String configured = TestRegister.newDatabase();
		System.setProperty("register.url", configured);
		Run run;
		try {
			// when
			run = Run.of(null, "demo");
		}
		finally {
			System.clearProperty("register.url");
		}

		// then
		assertThat(run.code()).as(run.out() + run.err()).isIn(0, 3);
		Path demoRegister = Path.of("data", "demo", "register").toAbsolutePath().normalize();
		assertThat(run.out()).contains("demoregister in " + demoRegister);
		try (Connection connection = DriverManager.getConnection(configured);
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery("""
						select count(*) from information_schema.tables
						where table_schema = current_schema() and table_name in ('delivery', 'reference_version')""")) {
			tables.next();
			assertThat(tables.getInt(1)).as("the configured register was not even opened").isZero();
		}
	}

}
