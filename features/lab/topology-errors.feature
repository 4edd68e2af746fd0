Feature: A broken topology is refused with where and what, never a stack trace
  Every problem in a topology is reported as file:line:col with the path in the YAML and what
  is wrong; a configuration line IOS would refuse is reported with IOS's own message.

  Scenario Outline: <problem> is reported at its place
    When I try to load the lab "examples/broken/<file>"
    Then loading fails with an error containing:
      """
      <file>:<position>: <message>
      """
    And loading fails with an error containing "<path>"

    Examples:
      | problem                | file                   | position | message                                                           | path                   |
      | a misspelt key         | bad-key.yaml           | 6:5      | unknown key "adress"; expected one of: address, gateway           | (at hosts.pc1.adress)  |
      | an impossible address  | bad-address.yaml       | 5:19     | "10.1.1.300" is not an IPv4 address                               | (at hosts.pc1.address) |
      | a gateway off-subnet   | bad-address.yaml       | 6:42     | gateway 10.2.3.1 is not in the host's subnet 10.2.2.0/24          | (at hosts.pc2.gateway) |
      | an unknown interface   | unknown-interface.yaml | 8:29     | unknown interface "FastEthernet0/2" on router "R2"                | (at links.wan[1])      |
      | a missing config file  | missing-config.yaml    | 3:31     | cannot read config file "no-such-file.cfg"                        | (at routers.R1.config) |
      | a YAML syntax error    | yaml-syntax.yaml       | 7:3      | YAML syntax error                                                 | yaml-syntax.yaml       |

  Scenario: A configuration line IOS refuses fails the load with IOS's message under the line
    When I try to load the lab "examples/broken/bad-config-line.yaml"
    Then loading fails with an error containing:
      """
      bad-config-line.yaml:9:13: router "R1" rejects configuration line 3:
       ip adress 10.0.0.1 255.255.255.0
            ^
      % Invalid input detected at '^' marker.
      """
