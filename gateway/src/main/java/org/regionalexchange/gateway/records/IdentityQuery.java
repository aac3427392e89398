package org.regionalexchange.gateway.records;

import java.util.Locale;

/**
 * Identity attributes naming one person: family name, given names and a (full or partial) birth
 * date are required; nationality and document number narrow. Names with wildcard characters are
 * refused: a request is about one person (Regional Guidelines §8.5), never a pattern.
 */
public record IdentityQuery(String familyName, String givenNames, String dateOfBirth, String nationality,
        String documentNumber) {

    public IdentityQuery {
        require(familyName, "familyName");
        require(givenNames, "givenNames");
        require(dateOfBirth, "dateOfBirth");
        if (!dateOfBirth.matches("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")) {
            throw new IllegalArgumentException("dateOfBirth must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
        for (String name : new String[] {familyName, givenNames}) {
            if (name.matches(".*[*%?_].*")) {
                throw new IllegalArgumentException("Names with wildcard characters (* % ? _) are refused");
            }
            if (NameFolding.key(name).isEmpty()) {
                throw new IllegalArgumentException("A name must contain letters");
            }
        }
        nationality = nationality == null ? null : nationality.toUpperCase(Locale.ROOT);
        documentNumber = documentNumber == null ? null : DocumentNumbers.normalize(documentNumber);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
