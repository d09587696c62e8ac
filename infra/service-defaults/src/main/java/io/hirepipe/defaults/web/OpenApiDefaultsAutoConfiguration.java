package io.hirepipe.defaults.web;

import io.hirepipe.defaults.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * springdoc defaults for services that describe their API. The {@link Caller} argument comes from
 * the gateway's internal token, not from the request's parameters, so it must not show up as one.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
public class OpenApiDefaultsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
