package be.permitarchive.register.internal;

import java.nio.file.Path;

import be.permitarchive.register.RegisterProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which register people are told to look at: never with its password. */
class RegisterLocationTest {

	@Test
	void anExternalRegisterIsNamedByItsUrlWithoutPassword() {
		RegisterLocation location = RegisterLocation.of(new RegisterProperties(
				"jdbc:postgresql://db:5432/register?user=archive&password=s3cret&ssl=true", null, "other", null, 0));

		assertThat(location.embedded()).isFalse();
		assertThat(location.url()).isEqualTo("jdbc:postgresql://db:5432/register?user=archive&password=***&ssl=true");
	}

	@Test
	void aPasswordInTheUserInfoIsHiddenToo() {
		assertThat(RegisterLocation.withoutPassword("jdbc:postgresql://archive:s3cret@db/register"))
			.isEqualTo("jdbc:postgresql://archive:***@db/register");
	}

	@Test
	void theEmbeddedRegisterIsNamedByItsDataFolderAndItsServerLog() {
		RegisterLocation location = RegisterLocation.of(new RegisterProperties("", null, null,
				Path.of("/srv/archive/data/register"), 0));

		assertThat(location.embedded()).isTrue();
		assertThat(location.serverLog()).isEqualTo(Path.of("/srv/archive/data/register.log"));
	}

}
