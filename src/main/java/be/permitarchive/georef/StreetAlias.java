package be.permitarchive.georef;

/** An old or other name of a street ("Statiestraat" was "Stationsstraat"), within a municipality. */
public record StreetAlias(String alias, String street, String nisCode) {
}
