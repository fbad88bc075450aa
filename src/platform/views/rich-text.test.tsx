import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderToString } from 'preact-render-to-string'
import { isSafeHref, RichText, richTextToPlain } from './rich-text.tsx'

const render = (text: string) => renderToString(<RichText text={text} />)

describe('rich text', () => {
  it('keeps paragraphs and lists', () => {
    assert.equal(render('One.\n\nTwo.'), '<p>One.</p><p>Two.</p>')
    assert.equal(render('Intro:\n\n- a\n- b'), '<p>Intro:</p><ul class="list"><li>a</li><li>b</li></ul>')
    assert.equal(render('## Heading\n\nText'), '<h2>Heading</h2><p>Text</p>')
    assert.equal(render('PO Box 1\nSutton'), '<p>PO Box 1<br/>Sutton</p>')
  })

  it('makes links, but only safe ones', () => {
    assert.equal(render('Just [click this link](mailto:a@b.org).'), '<p>Just <a href="mailto:a@b.org">click this link</a>.</p>')
    assert.equal(render('[x](/apply)'), '<p><a href="/apply">x</a></p>')
    assert.equal(render('[x](javascript:alert)'), '<p>x</p>')
    assert.equal(isSafeHref('//evil.example'), false)
    assert.equal(isSafeHref('https://example.org'), true)
  })

  it('escapes markup staff type', () => {
    assert.equal(render('<script>alert(1)</script> & more'), '<p>&lt;script>alert(1)&lt;/script> &amp; more</p>')
  })

  it('has a plain-text form for emails', () => {
    assert.equal(richTextToPlain('## Title\n\n- [a](/x)\n- b'), 'Title\n\n• a\n• b')
  })
})
