package be.permitarchive.register.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * PostGIS where the database has it: after the migrations, {@code CREATE EXTENSION postgis} is tried; when it
 * succeeds, the dossier polygons and the parcels also get a PostGIS geometry column (EPSG:31370) with a GiST index, so
 * that QGIS and GeoServer read the register directly. Without PostGIS (the embedded register) everything works on
 * the WKB columns alone.
 */
@Component
public class PostgisSupport {

	private static final Logger log = LoggerFactory.getLogger(PostgisSupport.class);

	private final boolean enabled;

	PostgisSupport(DataSource dataSource, FlywayMigrationInitializer migrated) {
		this.enabled = enable(dataSource);
	}

	public boolean enabled() {
		return this.enabled;
	}

	private static boolean enable(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			try {
				statement.execute("create extension if not exists postgis");
			}
			catch (SQLException ex) {
				log.info("No PostGIS in this database ({}); geometry is kept as WKB only", ex.getMessage().strip());
				return false;
			}
			statement.execute("alter table dossier add column if not exists geom geometry(Geometry, 31370)");
			statement.execute("create index if not exists dossier_geom on dossier using gist (geom)");
			statement.execute("alter table ref_parcel add column if not exists geom geometry(Geometry, 31370)");
			statement.execute("create index if not exists ref_parcel_geom on ref_parcel using gist (geom)");
			return true;
		}
		catch (SQLException ex) {
			log.warn("PostGIS could not be set up: {}", ex.getMessage());
			return false;
		}
	}

}
