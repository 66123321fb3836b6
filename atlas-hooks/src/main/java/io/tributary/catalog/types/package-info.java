/** The Atlas type model: typedefs loaded from Atlas typedef JSON, with supertype resolution. */
package io.tributary.catalog.types;
