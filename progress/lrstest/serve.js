// serve.js runs Learning Locker's xAPI service (npm xapi-statements) for
// Osteon's tests on 127.0.0.1 only. The service itself calls
// app.listen(EXPRESS_PORT), which binds every address and has no setting
// for the host, so this wrapper makes every listen on a bare port bind the
// loopback address.
//
// The service's "test" auth repo accepts any credentials. When
// OSTEON_LRS_AUTH is set ("user:password"), a request with other basic
// credentials has its Authorization header replaced by the token that auth
// repo refuses, so the LRS's own code answers with its own error, as a
// deployed Learning Locker does for unknown credentials.
'use strict';
const http = require('http');
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) {
    const cb = rest.find((a) => typeof a === 'function');
    return listen.call(this, { port: Number(port), host: '127.0.0.1' }, cb);
  }
  return listen.call(this, port, ...rest);
};
const want = process.env.OSTEON_LRS_AUTH;
if (want) {
  const expected = 'Basic ' + Buffer.from(want).toString('base64');
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === 'request' && !req.url.includes('/about') && req.headers.authorization !== expected) {
      req.headers.authorization = 'Basic missing_token';
    }
    return emit.call(this, event, req, ...rest);
  };
}
require('xapi-statements/dist/index.js');
