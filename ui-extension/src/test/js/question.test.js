import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isQuestion } from '../../main/resources/web/js/question.js';

test('questions are asked and names are only searched', () => {
  assert.equal(isQuestion('who reads orders'), true);
  assert.equal(isQuestion('orders feed?'), true);
  assert.equal(isQuestion('which topics hold PII'), true);
  assert.equal(isQuestion('topics with a customer id field'), true);
  assert.equal(isQuestion('orders'), false);
  assert.equal(isQuestion('customer emails'), false);
  assert.equal(isQuestion('  '), false);
  assert.equal(isQuestion(undefined), false);
});
