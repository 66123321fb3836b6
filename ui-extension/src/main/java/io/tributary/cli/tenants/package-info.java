/** {@code tributary tenants}: tenants and shares through the catalog server's tenant API. */
package io.tributary.cli.tenants;
