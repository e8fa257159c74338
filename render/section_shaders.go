package render

// The section's shaders: g3n v0.2.0's standard program with the plane clipped in the vertex
// shader, and the cap program that fills the cut (see section_gl.go).

// clipVertexShader is g3n v0.2.0's standard_vertex with one addition: gl_ClipDistance[0] from
// the OsteonClip plane (world frame), used while GL_CLIP_DISTANCE0 is enabled.
const clipVertexShader = `#include <attributes>
uniform mat4 ModelMatrix;
uniform mat4 ModelViewMatrix;
uniform mat3 NormalMatrix;
uniform mat4 MVP;
uniform vec4 OsteonClip;
#include <material>
#include <morphtarget_vertex_declaration>
#include <bones_vertex_declaration>
out vec4 Position;
out vec3 Normal;
out vec2 FragTexcoord;
void main() {
    Position = ModelViewMatrix * vec4(VertexPosition, 1.0);
    Normal = normalize(NormalMatrix * VertexNormal);
    vec2 texcoord = VertexTexcoord;
#if MAT_TEXTURES > 0
    if (MatTexFlipY(0)) {
        texcoord.y = 1.0 - texcoord.y;
    }
#endif
    FragTexcoord = texcoord;
    vec3 vPosition = VertexPosition;
    mat4 finalWorld = mat4(1.0);
    #include <morphtarget_vertex>
    #include <bones_vertex>
    gl_ClipDistance[0] = dot(OsteonClip, ModelMatrix * finalWorld * vec4(vPosition, 1.0));
    gl_Position = MVP * finalWorld * vec4(vPosition, 1.0);
}
`

// The cap program draws the back faces of a cut structure (the inside of its surface, seen
// through the cut) flat in the cap colour OsteonCap: only the plane and the position are needed,
// so it costs little per vertex and next to nothing per fragment.
const (
	capVertexShader = `#include <attributes>
uniform mat4 ModelMatrix;
uniform mat4 MVP;
uniform vec4 OsteonClip;
void main() {
    vec4 p = vec4(VertexPosition, 1.0);
    gl_ClipDistance[0] = dot(OsteonClip, ModelMatrix * p);
    gl_Position = MVP * p;
}
`
	capFragmentShader = `precision highp float;
uniform vec4 OsteonCap;
out vec4 FragColor;
void main() {
    FragColor = OsteonCap;
}
`
	capProgram = "osteon_cap"
)
