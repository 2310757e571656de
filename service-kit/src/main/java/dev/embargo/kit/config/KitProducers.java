package dev.embargo.kit.config;

import dev.embargo.contracts.EventCodec;
import dev.embargo.kit.crypto.FieldCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Beans built once per service from configuration. */
class KitProducers {

    /** Loading and compiling the schemas is done once. */
    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Fails the start when the keys are missing or malformed, rather than the first report. */
    @Produces
    @Singleton
    FieldCipher fieldCipher(@ConfigProperty(name = "embargo.encryption.keys") String keys) {
        return FieldCipher.fromKeyList(keys);
    }
}
