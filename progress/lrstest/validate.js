// validate.js checks xAPI statements with Learning Locker's validator (npm
// xapi-validation), the one its LRS runs on every statement it stores. It
// reads a JSON array of statements on standard input and prints one line
// per invalid statement, "INDEX ID: WARNINGS", exiting 1 if there was any.
'use strict';
const validate = require('xapi-validation').default;
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  const statements = JSON.parse(input);
  let bad = 0;
  statements.forEach((st, i) => {
    const warnings = validate(st);
    if (warnings.length > 0) {
      bad++;
      console.log(i + ' ' + st.id + ': ' + warnings.map((w) => w.path.join('.') + ' ' + w.constructor.name).join('; '));
    }
  });
  console.log('checked ' + statements.length + ', invalid ' + bad);
  process.exit(bad ? 1 : 0);
});
