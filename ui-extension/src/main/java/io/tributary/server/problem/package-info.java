/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): every failure of a
 * request, including Jersey's own 404, 405 and 415, leaves through one exception mapper, and what
 * Grizzly answers itself (a request it cannot parse, a failure outside Jersey) gets the same shape,
 * so that clients see one error shape and never see internals or the server software.
 */
package io.tributary.server.problem;
