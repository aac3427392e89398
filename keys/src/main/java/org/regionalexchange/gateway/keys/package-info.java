/**
 * PEM keys and key generation. Uses no other part of the gateway. A feature of the gateway built as
 * a jar of its own (Maven module keys/), so that the region tool (region-tool/) uses it without the
 * gateway.
 */
@ApplicationModule(allowedDependencies = {})
package org.regionalexchange.gateway.keys;

import org.springframework.modulith.ApplicationModule;
