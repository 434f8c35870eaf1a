package io.hallmark.core.config;

import io.hallmark.api.HallmarkException;

/** A setting has a bad value or an unknown name; the message names the setting, its source and the valid values. */
public class ConfigException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
