package be.permitarchive.georef;

/**
 * A register address found for a written one, with a confidence in [0, 1] and what the match rests on ("street
 * 'Kerkstr.' ~ 'Kerkstraat' 1.00, number exact, postcode missing").
 */
public record AddressMatch(Address address, double confidence, String explanation) {
}
