package org.atrium.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class that domain administrators may reach (ADR 0015): {@link AdminAuthFilter} lets them through
 * to these classes only, and every resource method of such a class checks the caller's {@link AdminScope} itself
 * (refusing, filtering, or requiring a global administrator). {@code DomainScopeCoverageTest} calls each of them as
 * an administrator of another domain and fails for any method that does not check. Inherited, so that a container's
 * subclass proxy of a resource class keeps the mark.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DomainScoped {
}
