/** Ranger context enrichers that bring catalog knowledge (classifications) into requests. */
package io.tributary.ranger.enrich;
