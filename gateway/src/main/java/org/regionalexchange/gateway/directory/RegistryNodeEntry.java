package org.regionalexchange.gateway.directory;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;
import org.regionalexchange.gateway.validation.JsonText;

/** A node of the participant registry as persisted (with history) from the registry file. */
@Entity
@Table(name = "registry_node")
class RegistryNodeEntry {

    @Id
    private String id;

    @Audited(withModifiedFlag = true, modifiedColumnName = "country_mod")
    @Column(name = "country")
    private String country;

    @Audited(withModifiedFlag = true, modifiedColumnName = "organization_mod")
    @Column(name = "organization")
    private String organization;

    @Audited(withModifiedFlag = true, modifiedColumnName = "base_url_mod")
    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    /** {@code [{"kid": …, "publicKey": "-----BEGIN PUBLIC KEY-----…"}]} */
    @Audited(withModifiedFlag = true, modifiedColumnName = "public_keys_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_keys", nullable = false)
    private String publicKeys;

    protected RegistryNodeEntry() {
    }

    RegistryNodeEntry(String id) {
        this.id = id;
    }

    /** Brings this entry in line with the registry; true if anything changed. */
    boolean apply(String newCountry, String newOrganization, String newBaseUrl, String newPublicKeys) {
        boolean changed = !Objects.equals(country, newCountry) || !Objects.equals(organization, newOrganization)
                || !Objects.equals(baseUrl, newBaseUrl) || !JsonText.same(publicKeys, newPublicKeys);
        country = newCountry;
        organization = newOrganization;
        baseUrl = newBaseUrl;
        if (!JsonText.same(publicKeys, newPublicKeys)) {
            publicKeys = newPublicKeys;
        }
        return changed;
    }

    @Override
    public String toString() {
        return "RegistryNodeEntry[" + id + "]";
    }
}
