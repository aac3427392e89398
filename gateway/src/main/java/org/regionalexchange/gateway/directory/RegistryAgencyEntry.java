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

/**
 * An agency of the participant registry as persisted (with history), with its functions and the
 * contact block of the National Reference Guide (Regional Guidelines, Annex 2) as JSON.
 */
@Entity
@Table(name = "registry_agency")
class RegistryAgencyEntry {

    @Id
    private String id;

    @Audited(withModifiedFlag = true, modifiedColumnName = "node_id_mod")
    @Column(name = "node_id", nullable = false)
    private String nodeId;

    @Audited(withModifiedFlag = true, modifiedColumnName = "organization_mod")
    @Column(name = "organization")
    private String organization;

    @Audited(withModifiedFlag = true, modifiedColumnName = "name_mod")
    @Column(name = "name", nullable = false)
    private String name;

    @Audited(withModifiedFlag = true, modifiedColumnName = "functions_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "functions", nullable = false)
    private String functions;

    @Audited(withModifiedFlag = true, modifiedColumnName = "contact_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact", nullable = false)
    private String contact;

    protected RegistryAgencyEntry() {
    }

    RegistryAgencyEntry(String id) {
        this.id = id;
    }

    boolean apply(String newNodeId, String newOrganization, String newName, String newFunctions, String newContact) {
        boolean changed = !Objects.equals(nodeId, newNodeId) || !Objects.equals(organization, newOrganization)
                || !Objects.equals(name, newName) || !JsonText.same(functions, newFunctions)
                || !JsonText.same(contact, newContact);
        nodeId = newNodeId;
        organization = newOrganization;
        name = newName;
        if (!JsonText.same(functions, newFunctions)) {
            functions = newFunctions;
        }
        if (!JsonText.same(contact, newContact)) {
            contact = newContact;
        }
        return changed;
    }

    @Override
    public String toString() {
        return "RegistryAgencyEntry[" + id + "]";
    }
}
